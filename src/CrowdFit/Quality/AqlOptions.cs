namespace CrowdFit.Quality;

/// <summary>How a project trades labels for quality (SPEC C1–C3).</summary>
public sealed record AqlOptions
{
    /// <summary>The acceptable quality limit: the highest posterior error at which a task's label is delivered.</summary>
    public double Aql { get; init; } = 0.02;

    /// <summary>Most counted answers a task may get before it goes to review.</summary>
    public int MaxAnswers { get; init; } = 5;

    /// <summary>
    /// Whether one answer may be enough (1+0 mode): a single answer is accepted when its worker is trusted
    /// and no detector objects. When false every task gets at least two answers.
    /// </summary>
    public bool SingleAnswer { get; init; } = true;

    /// <summary>Answers a worker must have given before a single answer of theirs is trusted.</summary>
    public int TrustedAfter { get; init; } = 20;

    /// <summary>Share of single-answer acceptances that still get a second answer, to keep measuring the trust.</summary>
    public double AuditShare { get; init; } = 0.05;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!(Aql is > 0 and < 1))
        {
            problems.Add($"Aql must be in (0, 1) (was {Aql}).");
        }

        if (MaxAnswers < 1)
        {
            problems.Add($"MaxAnswers must be at least 1 (was {MaxAnswers}).");
        }

        if (TrustedAfter < 0)
        {
            problems.Add($"TrustedAfter must not be negative (was {TrustedAfter}).");
        }

        if (!(AuditShare is >= 0 and <= 1))
        {
            problems.Add($"AuditShare must be in [0, 1] (was {AuditShare}).");
        }

        return problems;
    }
}
