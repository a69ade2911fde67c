namespace CrowdFit.Reports;

/// <summary>The size of the log and the headline result.</summary>
public sealed record SummarySection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "summary";

    /// <inheritdoc/>
    public override string Title => "Summary";

    /// <summary>File name of the answer log (no directory).</summary>
    public string Source { get; init; } = "";

    /// <summary>Answers in the log.</summary>
    public int Answers { get; init; }

    /// <summary>Distinct tasks.</summary>
    public int Tasks { get; init; }

    /// <summary>Distinct workers.</summary>
    public int Workers { get; init; }

    /// <summary>Distinct labels.</summary>
    public int Labels { get; init; }

    /// <summary>Tasks with a gold label.</summary>
    public int GoldTasks { get; init; }

    /// <summary>Flagged workers.</summary>
    public int FlaggedWorkers { get; init; }

    /// <summary>Flagged answers.</summary>
    public int FlaggedAnswers { get; init; }

    /// <summary>The target false positive rate the worker flags were set for, in (0, 0.5].</summary>
    public double FalsePositiveRate { get; init; }

    /// <summary>The truth inference method.</summary>
    public string Method { get; init; } = "";

    /// <summary>Earliest timestamp in the log (UTC); <see langword="null"/> when the log has none.</summary>
    public DateTimeOffset? FirstAnswer { get; init; }

    /// <summary>Latest timestamp in the log (UTC); <see langword="null"/> when the log has none.</summary>
    public DateTimeOffset? LastAnswer { get; init; }

    /// <summary>Every detector, in the order it ran, with whether it ran.</summary>
    public IReadOnlyList<DetectorStatus> Detectors { get; init; } = [];
}
