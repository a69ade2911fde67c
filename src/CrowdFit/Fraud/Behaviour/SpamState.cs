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
/// worker whose skill is what its earlier answers showed; the smallest, corrected for the runs tried by the
/// Hunter–Worsley bound along the chain of lengths (<see cref="ScanP"/>), which charges little for close lengths,
/// so the grid is fine and a run can start within an answer or two of the change. A sleeper who turns bad is
/// judged against itself.</item>
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
/// either side of the best split. The chance β that an answer came before the change is the posterior mass of the
/// change point after it (uniform a priori, likelihood e^(the suffix log-likelihood ratio of the spam model
/// against a typical honest worker)). The answer is honest if its worker is, or if the state had not begun, so
/// its odds of honesty are the worker's plus o · β, over 1 − β, where o is the odds of an answer lying in a spam
/// state (the reported states' expected answers, each weighed by 1 − p / <see cref="SpamStateOptions.ReportLevel"/>, against the rest); the answer's p-value is accordingly
/// (p + o · β) / (1 − β), at most 1. Answers well after the onset carry the worker's evidence, answers well
/// before it get 1, and those near an uncertain onset something between. For other workers every answer gets
/// the worker's p-value. Answers on gold tasks, which no test weighs, get 1 when they are right; a wrong one is
/// scored like its neighbours, as the state's work.
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

        var odds = SpamOdds(findings, _options.ReportLevel);
        var answerP = new float[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            var worker = answers.Workers[a];
            var before = findings[worker].BeforeState;
            var gold = log.Gold[answers.Tasks[a]];

            // A right answer on gold shows no sign of a task-blind state; a wrong one is the state's work.
            answerP[a] = gold >= 0 && gold == answers.AnswerLabels[a] ? 1f
                : before.Count == 0 ? (float)workerP[worker]
                : (float)AnswerP(workerP[worker], before[log.PositionInTimeline(a)], odds);
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
        for (var length = options.MinSegment; length <= n - options.MinSegment; length = Math.Max(length + 1, (int)Math.Round(length * options.SegmentGrowth)))
        {
            lengths.Add(length);
        }

        return lengths;
    }

    /// <summary>
    /// An answer's p-value from its worker's p and the chance β that the answer came before the spam state began:
    /// (p + o · β) / (1 − β), at most 1, with o the odds of an answer being in a spam state. The chance that the
    /// answer is honest is that of an honest worker plus that of a spammer's answer from before the change, so
    /// its odds of honesty are the worker's plus o · β, over 1 − β.
    /// </summary>
    private static double AnswerP(double workerP, double before, double odds) =>
        before >= 1 ? 1 : Math.Min(1, (workerP + (odds * before)) / (1 - before));

    /// <summary>
    /// The odds that a weighed answer (one not on gold) was given in a spam state: the expected number in the
    /// reported workers' states against the rest, each state counted by 1 − p / <paramref name="reportLevel"/>, so
    /// that a worker just under the report level, as likely honest as not, adds next to nothing.
    /// </summary>
    private static double SpamOdds(IReadOnlyList<SpamFinding> findings, double reportLevel)
    {
        double inState = 0;
        var weighed = 0;
        foreach (var finding in findings)
        {
            weighed += finding.Answers;
            var weight = Math.Max(0, 1 - (finding.P / reportLevel));
            foreach (var before in finding.BeforeState)
            {
                inState += weight * (1 - before);
            }
        }

        var share = weighed == 0 ? 0 : Math.Clamp(inState / weighed, 1.0 / (weighed + 1), 1 - (1.0 / (weighed + 1)));
        return share / (1 - share);
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
