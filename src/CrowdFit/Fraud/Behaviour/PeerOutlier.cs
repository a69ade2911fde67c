namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Candidate answer fraud by peer comparison (SPEC D2): how many robust standard deviations an answer's
/// behaviour, and a worker's mean behaviour, lie from the normal vector of its peer group.
/// </summary>
/// <remarks>
/// <para>
/// <b>Features</b> (<see cref="BehaviourFeatures"/>; the time features only when the log is timed):
/// relative time, ln-gap, ln(1 + rate), ln streak, recent label entropy and recent agreement. Each peer
/// group (task type, or guild) has a normal vector: per feature the median and 1.4826·MAD of its answers
/// (1.2533 · mean absolute deviation when the MAD is 0), estimated twice, the second time without answers
/// more than <see cref="PeerOutlierOptions.TrimDistance"/> from the first, and always without answers
/// confirmed as fraud, while answers an analyst cleared are never left out (<see cref="WithDecisions"/>).
/// Groups too small for their own norm use the whole log's.
/// </para>
/// <para>
/// <b>Historical variant, per answer:</b> z = (x − location) / scale per feature. <b>In-task variant, per
/// answer:</b> the answer's ln-duration and agreement against the median of the other answers of the same
/// task, in units of the robust spread of that difference over the log. An answer's statistic is its largest
/// |z|; its p-value is conformal: (1 + the number of its group's answers, confirmed fraud left out, whose
/// statistic is at least as large) / (1 + their number), exact for an answer exchangeable with its peers
/// whatever the features' distributions.
/// </para>
/// <para>
/// <b>Historical variant, per worker:</b> the mean of each feature's z over the worker's answers, against a
/// robust random-effects fit of the worker means (<see cref="RandomEffects"/>; sampling error from the
/// pooled within-worker spread, counting a windowed feature's window as one answer), read two-sided in
/// Student's t with 10 degrees of freedom; the smallest, times the number of features tested (Bonferroni).
/// Recent agreement is tested only for workers whose answers are not clearly informative: how well a worker
/// agrees is mostly skill, and honest skill is spread unevenly (a long tail of weaker workers that a robust fit
/// trims away as outliers), so agreeing less than careful peers is not evidence of fraud when the answers still
/// carry clear information. A worker whose chance-corrected agreement exceeds half the typical worker's by
/// 2.33 standard errors (<see cref="TypicalAgreement.ClearlyInformative"/>) is judged on its behaviour alone;
/// chance-level answers, which spam gives, stay under the test.
/// </para>
/// <para>An answer's p-value is 2 · min(its own, its worker's), at most 1.</para>
/// </remarks>
public sealed partial class PeerOutlier : IFraudDetector
{
    private readonly PeerOutlierOptions _options;
    private readonly int[] _confirmed;
    private readonly int[] _cleared;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="PeerOutlierOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PeerOutlier(PeerOutlierOptions? options = null)
        : this(options ?? PeerOutlierOptions.Default, [], [])
    {
    }

    private PeerOutlier(PeerOutlierOptions options, int[] confirmed, int[] cleared)
    {
        options.Validate();
        _options = options;
        _confirmed = confirmed;
        _cleared = cleared;
    }

    /// <inheritdoc />
    public string Name => "peer-outlier";

    /// <summary>The settings.</summary>
    public PeerOutlierOptions Options => _options;

    /// <summary>Answer positions confirmed as fraud: left out of every norm and reference.</summary>
    public IReadOnlyList<int> ConfirmedFraud => _confirmed;

    /// <summary>Answer positions an analyst cleared: always kept in the norms.</summary>
    public IReadOnlyList<int> Cleared => _cleared;

    /// <summary>
    /// The same detector with the normal vectors updated by analysts' decisions: confirmed fraud leaves the norms
    /// and references, cleared answers are never trimmed from them. Decisions are answer positions of the log
    /// the detector will run on.
    /// </summary>
    /// <param name="confirmedFraud">Answer positions confirmed as fraud.</param>
    /// <param name="cleared">Answer positions cleared.</param>
    /// <returns>A new detector; this one is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A position is negative.</exception>
    /// <exception cref="ArgumentException">A position is both confirmed and cleared.</exception>
    public PeerOutlier WithDecisions(ReadOnlySpan<int> confirmedFraud, ReadOnlySpan<int> cleared)
    {
        var confirmed = Sorted(confirmedFraud);
        var clear = Sorted(cleared);
        foreach (var a in confirmed)
        {
            if (Array.BinarySearch(clear, a) >= 0)
            {
                throw new ArgumentException($"Answer {a} is both confirmed as fraud and cleared.", nameof(cleared));
            }
        }

        return new PeerOutlier(_options, confirmed, clear);
    }

    /// <inheritdoc />
    public DetectorReport Run(WorkLog log)
    {
        var result = Measure(log);
        return new DetectorReport(Name, result.WorkerP, result.WorkerReason, result.AnswerP, result.AnswerReason);
    }

    /// <summary>The normal vectors the detector measures <paramref name="log"/> against: one per peer group and feature, the whole log's (group -1) first.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">A decision names an answer outside the log.</exception>
    public IReadOnlyList<PeerNorm> Norms(WorkLog log) => Measure(log).Norms;

    private static int[] Sorted(ReadOnlySpan<int> positions)
    {
        foreach (var a in positions)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(a);
        }

        var sorted = positions.ToArray();
        Array.Sort(sorted);
        return [.. sorted.Distinct()];
    }

    /// <summary>Per answer: <see cref="Confirmed"/>, <see cref="Clear"/>, or 0 without a decision.</summary>
    private sbyte[] Decisions(int answers)
    {
        var decision = new sbyte[answers];
        foreach (var a in _confirmed.Concat(_cleared))
        {
            if (a >= answers)
            {
                throw new ArgumentException($"A decision names answer {a}; the log has {answers} answers.", nameof(answers));
            }
        }

        foreach (var a in _confirmed)
        {
            decision[a] = Confirmed;
        }

        foreach (var a in _cleared)
        {
            decision[a] = Clear;
        }

        return decision;
    }
}
