namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Spam state (SPEC D11): a worker whose answers no longer depend on the task — random clicking, one label
/// for everything, a repeating cycle — and the answer where that began.
/// </summary>
/// <remarks>
/// <para>
/// Each worker's answers on tasks without gold (gold is <see cref="Honeypots"/>' evidence), in timeline order,
/// are scored against the leave-self-out posterior of their tasks: what the other answers say. The skill
/// κ of a run of answers is the chance-corrected agreement of <see cref="SkillEstimate"/>; κ = 0 is Raykar
/// &amp; Yu's (2012) spammer, whose confusion rows are all alike. Four tests, each with honest workers as
/// the null:
/// </para>
/// <list type="number">
/// <item><b>Whole history</b>: P(|κ̂| this small) for an honest worker whose skill is drawn from the honest
/// skill distribution fitted robustly to the log (<see cref="HonestSkill"/>), so weak honest workers are
/// expected, not flagged.</item>
/// <item><b>Change scan</b>: for every recent run on a geometric grid of lengths (<see cref="SpamStateOptions.MinSegment"/>
/// growing by <see cref="SpamStateOptions.SegmentGrowth"/>), P(|κ̂| of the run this small) for an honest
/// worker whose skill is what its earlier answers showed; the smallest, times the number of runs
/// (Bonferroni). A sleeper who turns bad is judged against itself.</item>
/// <item><b>Degeneracy</b>: per label k, the excess e_k = share_k − r_k of the worker's share of label k over
/// the share a typical honest worker would give on the same tasks, r_k = κ̄ · Σᵢ P_i[k] / n + (1 − κ̄) · ρ_k
/// (the skill model at the honest median skill κ̄, guessing by the class prior ρ), against a robust normal
/// random-effects fit of honest workers' excess over all labels (<see cref="RandomEffects"/>):
/// z = (e_k − μ − ½/n) / √(τ² + r(1 − r)/n) with r = r_k + μ (a continuity-corrected binomial error at the
/// null), read in the tail of Student's t with 10 degrees of freedom because honest biases have heavier
/// tails than the normal; the smallest, times K (Bonferroni). A weak honest worker answers at near chance but still spreads its
/// labels like the classes; one label for everything does not.</item>
/// <item><b>Pattern</b>: for lags 1..<see cref="SpamStateOptions.MaxPatternLag"/>, the number of answers equal to
/// the one <em>lag</em> before, over disjoint pairs, against the binomial with the match rate the worker's
/// confusion and the tasks' posteriors predict (plus an allowance for anchoring); a Poisson-binomial count is
/// never more spread than that binomial (Hoeffding 1956). The smallest, times the number of lags.</item>
/// </list>
/// <para>
/// The worker's p-value is min(p₁/0.4, p₂/0.3, p₃/0.2, p₄/0.1) (weighted Bonferroni). For a worker at or under
/// <see cref="SpamStateOptions.ReportLevel"/>, the onset is the change point that maximises the
/// log-likelihood ratio of "spam from here" against "as before" (the CUSUM argmax), with both models fitted on
/// either side of the best split; the worker's p-value is spread onto its answers from the onset on, and the
/// earlier answers get 1. For other workers every answer gets the worker's p-value.
/// </para>
/// </remarks>
public sealed partial class SpamState : IFraudDetector
{
    private const double WholeWeight = 0.4;
    private const double ChangeWeight = 0.3;
    private const double DegeneracyWeight = 0.2;
    private const double PatternWeight = 0.1;

    /// <summary>Smallest spread of honest workers' excess label share the fit may report.</summary>
    private const double MinExcessSpread = 0.02;

    /// <summary>Degrees of freedom of the t tail of the degeneracy test.</summary>
    private const double ExcessDegrees = 10;

    private readonly SpamStateOptions _options;

    /// <summary>Creates the detector.</summary>
    /// <param name="options">Settings; <see cref="SpamStateOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public SpamState(SpamStateOptions? options = null)
    {
        _options = options ?? SpamStateOptions.Default;
        _options.Validate();
    }

    /// <inheritdoc />
    public string Name => "spam-state";

    /// <summary>The settings.</summary>
    public SpamStateOptions Options => _options;

    /// <inheritdoc />
    public DetectorReport Run(WorkLog log)
    {
        var findings = Assess(log);
        var answers = log.Answers;
        if (answers.ClassCount < 2)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "needs at least two labels");
        }

        var workerP = new double[answers.WorkerCount];
        var reasons = new string?[answers.WorkerCount];
        var onsets = new int[answers.WorkerCount];
        foreach (var finding in findings)
        {
            workerP[finding.Worker] = finding.P;
            reasons[finding.Worker] = finding.Reason;
            onsets[finding.Worker] = finding.Onset;
        }

        var answerP = new float[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            var worker = answers.Workers[a];
            answerP[a] = log.PositionInTimeline(a) >= onsets[worker] ? (float)workerP[worker] : 1f;
        }

        return new DetectorReport(Name, workerP, reasons, answerP, null, onsets);
    }

    /// <summary>Assesses every worker of <paramref name="log"/>.</summary>
    /// <param name="log">The log, with its current truth.</param>
    /// <returns>One finding per worker, in worker order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public IReadOnlyList<SpamFinding> Assess(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var workers = log.Answers.WorkerCount;
        if (log.Answers.ClassCount < 2)
        {
            return [.. Enumerable.Range(0, workers).Select(w => new SpamFinding(w, 0, double.NaN, 1, 1, 1, 1, 1, -1, null))];
        }

        var wholes = new WholeRun[workers];
        WorkerChunks.ForEach(log, () => new Scan(log, _options), (w, scan) => wholes[w] = scan.Whole(w));
        // How much less reliable the posteriors are than they claim, from workers with enough answers.
        var ratios = wholes.Where(r => r.Skill.Count >= _options.MinReferenceAnswers).Select(r => r.Skill.SpreadRatio()).Where(double.IsFinite).ToArray();
        var dispersion = ratios.Length >= _options.MinReferenceWorkers ? Math.Max(1, Robust.Median(ratios)) : 1;
        for (var w = 0; w < workers; w++)
        {
            wholes[w] = wholes[w] with { Skill = wholes[w].Skill with { Dispersion = dispersion } };
        }

        var estimates = new SkillEstimate[workers];
        for (var w = 0; w < workers; w++)
        {
            estimates[w] = wholes[w].Skill;
        }

        var wholeP = new double[workers];
        var skill = HonestSkill.Fit(estimates, _options, wholeP);
        var prior = log.Truth.ClassPrior.ToArray();
        foreach (var run in wholes)
        {
            for (var k = 0; k < prior.Length; k++)
            {
                run.Expected[k] = (skill.Mean * run.Expected[k]) + ((1 - skill.Mean) * prior[k]);
            }
        }

        var reference = wholes.Where(r => r.Skill.Count >= _options.MinReferenceAnswers).ToArray();
        var excess = RandomEffects.Fit(
            [.. reference.SelectMany(r => r.Given.Select((g, k) => g - r.Expected[k]))],
            [.. reference.SelectMany(r => r.Expected.Select(e => Math.Sqrt(e * (1 - e) / r.Skill.Count)))],
            MinExcessSpread,
            _options.TrimLevel,
            Suspicious.High);
        if (reference.Length < _options.MinReferenceWorkers)
        {
            excess = new RandomEffects(0, _options.FallbackSkillSpread, 0);
        }

        var findings = new SpamFinding[workers];
        WorkerChunks.ForEach(log, () => new Scan(log, _options), (w, scan) => findings[w] = scan.Assess(w, wholes[w], wholeP[w], skill, excess, dispersion));
        return findings;
    }

    /// <summary>The run lengths the change scan tries for a history of <paramref name="n"/> answers.</summary>
    internal static List<int> RunLengths(int n, SpamStateOptions options)
    {
        List<int> lengths = [];
        for (double length = options.MinSegment; length <= n - options.MinSegment; length *= options.SegmentGrowth)
        {
            var rounded = (int)Math.Round(length);
            if (lengths.Count == 0 || rounded > lengths[^1])
            {
                lengths.Add(rounded);
            }
        }

        lengths.RemoveAll(l => l > n - options.MinSegment);
        return lengths;
    }

    private static double Combine(double whole, double change, double degeneracy, double pattern) =>
        Math.Min(1, Math.Min(Math.Min(whole / WholeWeight, change / ChangeWeight), Math.Min(degeneracy / DegeneracyWeight, pattern / PatternWeight)));

    /// <summary>
    /// A worker's whole history: its skill, and per label the share it gave and the share expected, first from
    /// the posteriors alone and, once the honest skill is known, from a typical honest worker.
    /// </summary>
    private readonly record struct WholeRun(SkillEstimate Skill, double[] Given, double[] Expected);

    /// <summary>The degeneracy p-value of a history (Bonferroni over labels) and the label behind it.</summary>
    private static (double P, int Label) DegeneracyP(in WholeRun run, RandomEffects excess)
    {
        var n = run.Skill.Count;
        if (n == 0)
        {
            return (1, 0);
        }

        var best = 1.0;
        var label = 0;
        for (var k = 0; k < run.Given.Length; k++)
        {
            var rate = Math.Clamp(run.Expected[k] + excess.Mean, 1e-3, 1 - 1e-3);
            var error = Math.Sqrt(rate * (1 - rate) / n);
            var p = excess.PValue(run.Given[k] - run.Expected[k] - (0.5 / n), error, Suspicious.High, ExcessDegrees);
            if (p < best)
            {
                best = p;
                label = k;
            }
        }

        return (Math.Min(1, run.Given.Length * best), label);
    }
}
