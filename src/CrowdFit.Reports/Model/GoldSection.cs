namespace CrowdFit.Reports;

/// <summary>Gold efficacy: how workers pass gold, and which gold the crowd disputes.</summary>
public sealed record GoldSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "gold";

    /// <inheritdoc/>
    public override string Title => "Gold efficacy";

    /// <summary>Tasks with gold.</summary>
    public int GoldTasks { get; init; }

    /// <summary>Answers on gold tasks.</summary>
    public int GoldAnswers { get; init; }

    /// <summary>Share of answers on gold tasks that give the gold label; <see langword="null"/> when no gold task has answers.</summary>
    public double? PassRate { get; init; }

    /// <summary>Why the audit of gold against the crowd did not run; <see langword="null"/> when it ran.</summary>
    public string? AuditNotRunBecause { get; init; }

    /// <summary>Gold tasks whose crowd label differs from the gold label.</summary>
    public int Disputed { get; init; }

    /// <summary>Of those, the suspects: the crowd makes the gold label unlikely.</summary>
    public int Suspects { get; init; }

    /// <summary>The disputed gold tasks, least likely gold first, at most <see cref="ReportLimits.MaxTableRows"/>.</summary>
    public IReadOnlyList<GoldDispute> Disputes { get; init; } = [];

    /// <summary>Disputed gold tasks not listed.</summary>
    public int NotShown { get; init; }

    /// <summary>The fewest gold answers a worker needs to enter <see cref="WorkerPassRates"/>.</summary>
    public int MinGoldAnswers { get; init; }

    /// <summary>Workers with at least <see cref="MinGoldAnswers"/> gold answers.</summary>
    public int Workers { get; init; }

    /// <summary>Workers with some gold answers but fewer than <see cref="MinGoldAnswers"/>.</summary>
    public int WorkersWithFewGold { get; init; }

    /// <summary>Workers' gold pass rates in ten bins of width 0.1 from 0 to 1 (the last includes 1).</summary>
    public IReadOnlyList<HistogramBin> WorkerPassRates { get; init; } = [];
}
