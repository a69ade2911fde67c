using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>A truth-inference method: combines redundant answers into a posterior over each task's true label.</summary>
public interface ITruthMethod
{
    /// <summary>Short stable name used on the command line and in reports (for example <c>ds</c>).</summary>
    string Name { get; }

    /// <summary>Infers each task's label distribution and each worker's quality.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="gold">Known labels, clamped in the posterior; <see langword="null"/> when there are none.</param>
    /// <returns>The posteriors and worker estimates.</returns>
    TruthResult Infer(AnswerSet answers, GoldLabels? gold = null);
}
