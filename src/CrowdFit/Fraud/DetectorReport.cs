namespace CrowdFit.Fraud;

/// <summary>What one detector found: a p-value and a reason per worker, and a p-value per answer.</summary>
/// <remarks>
/// A p-value is the probability that honest work shows evidence at least this strong; 1 means "nothing seen",
/// small means suspicious. Detectors report raw (per-test) p-values; <see cref="FraudScoring"/> corrects for
/// the number of detectors when it sets thresholds.
/// </remarks>
public sealed class DetectorReport
{
    private readonly double[] _workerP;
    private readonly string?[] _workerReason;
    private readonly float[] _answerP;
    private readonly Func<int, string?>? _answerReason;

    /// <summary>Creates a report, taking ownership of the arrays.</summary>
    /// <param name="detector">Name of the detector.</param>
    /// <param name="workerP">P-value per worker, in [0, 1]; 1 where there is no evidence.</param>
    /// <param name="workerReason">Human-readable reason per worker (for example "claimed 9.1x the usual time on 14 of 40 answers"); <see langword="null"/> where there is nothing to say.</param>
    /// <param name="answerP">P-value per answer, in [0, 1]; 1 where there is no evidence.</param>
    /// <param name="answerReason">Reason for one answer, asked only for answers that end up flagged; <see langword="null"/> to fall back on the worker's reason.</param>
    /// <param name="onset">Per worker, the timeline position (see <see cref="WorkLog.Timeline"/>) where the suspicious behaviour began, or -1; <see langword="null"/> when the detector does not locate onsets.</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The worker arrays differ in length.</exception>
    public DetectorReport(string detector, double[] workerP, string?[] workerReason, float[] answerP, Func<int, string?>? answerReason = null, int[]? onset = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(detector);
        ArgumentNullException.ThrowIfNull(workerP);
        ArgumentNullException.ThrowIfNull(workerReason);
        ArgumentNullException.ThrowIfNull(answerP);
        if (workerReason.Length != workerP.Length || (onset is not null && onset.Length != workerP.Length))
        {
            throw new ArgumentException("Every per-worker array must have one entry per worker.", nameof(workerReason));
        }

        Detector = detector;
        _workerP = workerP;
        _workerReason = workerReason;
        _answerP = answerP;
        _answerReason = answerReason;
        Onsets = onset;
    }

    /// <summary>Name of the detector.</summary>
    public string Detector { get; }

    /// <summary>Why the detector did not run (for example "needs started_at and submitted_at"); <see langword="null"/> when it ran.</summary>
    public string? SkippedBecause { get; private init; }

    /// <summary>Whether the detector ran.</summary>
    public bool Ran => SkippedBecause is null;

    /// <summary>P-value per worker (1 = no evidence).</summary>
    public ReadOnlySpan<double> WorkerP => _workerP;

    /// <summary>P-value per answer (1 = no evidence).</summary>
    public ReadOnlySpan<float> AnswerP => _answerP;

    /// <summary>Per worker, the timeline position where suspicious behaviour began (-1 when none), or <see langword="null"/>.</summary>
    public IReadOnlyList<int>? Onsets { get; }

    /// <summary>Groups of workers the detector found acting together (SPEC D9); empty for detectors that do not look for them.</summary>
    public IReadOnlyList<Ring> Rings { get; init; } = [];

    /// <summary>Reason for worker <paramref name="worker"/>; <see langword="null"/> when there is nothing to say.</summary>
    public string? WorkerReason(int worker) => _workerReason[worker];

    /// <summary>Reason for answer <paramref name="answer"/>; <see langword="null"/> when the detector has none of its own.</summary>
    public string? AnswerReason(int answer) => _answerReason?.Invoke(answer);

    /// <summary>A report for a detector that could not run on this log.</summary>
    /// <param name="detector">Name of the detector.</param>
    /// <param name="workerCount">Number of workers in the log.</param>
    /// <param name="answerCount">Number of answers in the log.</param>
    /// <param name="because">Why, naming the missing columns or data.</param>
    public static DetectorReport Skipped(string detector, int workerCount, int answerCount, string because)
    {
        ArgumentException.ThrowIfNullOrEmpty(because);
        var workerP = new double[workerCount];
        Array.Fill(workerP, 1.0);
        var answerP = new float[answerCount];
        Array.Fill(answerP, 1f);
        return new DetectorReport(detector, workerP, new string?[workerCount], answerP) { SkippedBecause = because };
    }
}
