namespace CrowdFit.Quality;

/// <summary>What the engine decides after an answer arrives.</summary>
public enum DecisionKind
{
    /// <summary>The task's label is delivered: its posterior error is under the quality limit.</summary>
    Accept,

    /// <summary>The task needs more answers; <see cref="TaskDecision.More"/> says how many are predicted.</summary>
    Extend,

    /// <summary>The task has used its answer budget (or cannot reach the limit within it) and goes to an expert.</summary>
    Review,

    /// <summary>The answer is not counted: its worker is flagged or not eligible. The task's own state is in the other fields.</summary>
    Reject,
}
