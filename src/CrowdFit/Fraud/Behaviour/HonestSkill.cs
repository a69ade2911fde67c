namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// How skilled honest workers are: a Beta distribution of the chance-corrected skill κ (see
/// <see cref="SkillEstimate"/>) fitted robustly to the workers of the log, and the p-values it gives.
/// </summary>
/// <remarks>
/// <para>
/// <b>Fit.</b> Over workers with enough answers: the Beta whose convolution with the median sampling noise
/// has the median and the lower quartile of their |κ̂| (quantiles, because honest skill is skewed, with a
/// long tail of weak workers that a median and MAD would miss); then the workers the fit finds improbably
/// unskilled (<see cref="SpamStateOptions.TrimLevel"/>) are left out and the fit repeated until it keeps
/// the same workers, so a crowd with many spammers does not drag the reference towards them. From the
/// second round on, once the first has trimmed the spammers, the fit is also widened until it has the
/// lower decile of the workers kept: a quartile sees only the body of a left-skewed skill distribution, and
/// a Beta matched to the body alone makes the weakest honest workers look like spammers.
/// </para>
/// <para>
/// <b>P-values.</b> An honest worker draws κ from the Beta and then answers with κ̂ ≈ Normal(κ, se(κ)²); the
/// p-value is P(|κ̂| ≤ observed) under that mixture, integrated on a grid of κ. Weak honest workers are in
/// the Beta's lower tail, so they are as likely as the model says to look weak, and no more. The
/// conditional variant conditions the worker's own κ on an earlier run of its answers, so a worker that was
/// skilled and then stops is judged against itself.
/// </para>
/// </remarks>
internal sealed class HonestSkill
{
    private const int GridPoints = 256;

    /// <summary>The lower quantile of honest skill matched besides the median in the first round: robust to a quarter of spammers.</summary>
    private const double BodyLevel = 0.25;

    /// <summary>The lower quantile the fit must also reach once spammers are trimmed: low enough to see the tail of weak workers.</summary>
    private const double TailLevel = 0.1;

    /// <summary>Degrees of freedom of the t distribution of a whole history's κ̂ around the worker's skill.</summary>
    private const double NoiseDegrees = 10;

    private readonly double[] _kappa = new double[GridPoints];
    private readonly double[] _logWeight = new double[GridPoints];
    private readonly double[] _weight = new double[GridPoints];

    private HonestSkill(double mean, double spread, int referenceWorkers)
    {
        Mean = mean;
        Spread = Math.Min(spread, Math.Sqrt(0.9 * mean * (1 - mean)));
        ReferenceWorkers = referenceWorkers;
        for (var m = 0; m < GridPoints; m++)
        {
            _kappa[m] = (m + 0.5) / GridPoints;
        }

        BetaWeights(mean, spread, _weight, _logWeight);
    }

    /// <summary>Mean skill of honest workers.</summary>
    public double Mean { get; }

    /// <summary>Spread (standard deviation) of honest skill, sampling noise removed.</summary>
    public double Spread { get; }

    /// <summary>Workers the fit kept; 0 when the fallback of the options was used.</summary>
    public int ReferenceWorkers { get; }

    /// <summary>Fits the model to workers' whole-run estimates; the fallback of the options when too few workers qualify.</summary>
    public static HonestSkill Fit(IReadOnlyList<SkillEstimate> estimates, SpamStateOptions options)
    {
        var reference = estimates.Where(e => e.Count >= options.MinReferenceAnswers && e.Informative).ToArray();
        if (reference.Length < options.MinReferenceWorkers)
        {
            return new HonestSkill(options.FallbackSkillMean, options.FallbackSkillSpread, 0);
        }

        var x = reference.Select(e => Math.Min(1, Math.Abs(e.Kappa))).ToArray();
        var kept = Enumerable.Repeat(true, x.Length).ToArray();
        var model = new HonestSkill(options.FallbackSkillMean, options.FallbackSkillSpread, 0);
        for (var round = 0; round < 20; round++)
        {
            var values = x.Where((_, i) => kept[i]).ToArray();
            var noise = Robust.Median(reference.Where((_, i) => kept[i]).Select(e => e.StandardError(Math.Min(1, Math.Abs(e.Kappa)))).ToArray());
            var median = Robust.Median(values);
            var quartile = Robust.Select(values, values.Length / 4);
            var (mean, spread) = MatchQuantiles(median, quartile, BodyLevel, noise, options.MinSkillSpread);
            if (round > 0)
            {
                var tail = Robust.Select(values, (int)(TailLevel * values.Length));
                var wider = MatchQuantiles(median, tail, TailLevel, noise, options.MinSkillSpread);
                (mean, spread) = wider.Spread > spread ? wider : (mean, spread);
            }

            model = new HonestSkill(mean, spread, values.Length);
            var changed = false;
            for (var i = 0; i < x.Length; i++)
            {
                var keep = model.PValue(reference[i]) >= options.TrimLevel;
                changed |= keep != kept[i];
                kept[i] = keep;
            }

            if (!changed || !kept.Any(k => k))
            {
                break;
            }
        }

        return model;
    }

    /// <summary>
    /// The Beta (as mean and standard deviation) whose convolution with Normal(0, noise²) has the given median and
    /// lower quantile of the given level: bisection on the spread, and for each spread on the mean.
    /// </summary>
    private static (double Mean, double Spread) MatchQuantiles(double median, double tail, double level, double noise, double minSpread)
    {
        Span<double> weight = stackalloc double[GridPoints];
        double MeanFor(double spread, Span<double> weight)
        {
            double lo = 0.02, hi = 0.98;
            for (var i = 0; i < 40; i++)
            {
                var mid = 0.5 * (lo + hi);
                if (Cdf(median, mid, spread, noise, weight) > 0.5)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid;
                }
            }

            return 0.5 * (lo + hi);
        }

        double spreadLo = minSpread, spreadHi = 0.45;
        var best = MeanFor(spreadLo, weight);
        if (Cdf(tail, best, spreadLo, noise, weight) >= level)
        {
            return (best, spreadLo);
        }

        for (var i = 0; i < 40; i++)
        {
            var mid = 0.5 * (spreadLo + spreadHi);
            var mean = MeanFor(mid, weight);
            if (Cdf(tail, mean, mid, noise, weight) < level)
            {
                spreadLo = mid;
            }
            else
            {
                spreadHi = mid;
            }
        }

        var spread = 0.5 * (spreadLo + spreadHi);
        return (MeanFor(spread, weight), spread);
    }

    /// <summary>P(κ + noise ≤ x) for κ from the Beta with this mean and spread (capped to what a Beta allows).</summary>
    private static double Cdf(double x, double mean, double spread, double noise, Span<double> weight)
    {
        BetaWeights(mean, spread, weight, null);
        var cdf = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            cdf += weight[m] * Tails.NormalLower((x - ((m + 0.5) / GridPoints)) / noise);
        }

        return cdf;
    }

    /// <summary>Grid weights of the Beta with this mean and spread (the spread capped at √(0.9·mean·(1 − mean))); optionally their logs.</summary>
    private static void BetaWeights(double mean, double spread, Span<double> weight, double[]? logWeight)
    {
        var variance = Math.Min(spread * spread, 0.9 * mean * (1 - mean));
        var size = (mean * (1 - mean) / variance) - 1;
        var a = mean * size;
        var b = (1 - mean) * size;
        var max = double.NegativeInfinity;
        for (var m = 0; m < GridPoints; m++)
        {
            var kappa = (m + 0.5) / GridPoints;
            weight[m] = ((a - 1) * Math.Log(kappa)) + ((b - 1) * Math.Log(1 - kappa));
            max = Math.Max(max, weight[m]);
        }

        var sum = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            sum += Math.Exp(weight[m] - max);
        }

        var logSum = max + Math.Log(sum);
        for (var m = 0; m < GridPoints; m++)
        {
            if (logWeight is not null)
            {
                logWeight[m] = weight[m] - logSum;
            }

            weight[m] = Math.Exp(weight[m] - logSum);
        }
    }

    /// <summary>P(|κ̂| ≤ observed) for an honest worker of this population answering the run of <paramref name="run"/>.</summary>
    public double PValue(in SkillEstimate run)
    {
        if (!run.Informative)
        {
            return 1;
        }

        var observed = run.Observed;
        var p = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            p += _weight[m] * WithinHeavy(observed, _kappa[m], run.StandardError(_kappa[m]));
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>
    /// P(|κ̂| ≤ observed on <paramref name="later"/>) for an honest worker of this population whose skill is
    /// also what <paramref name="earlier"/> shows.
    /// </summary>
    public double ConditionalPValue(in SkillEstimate later, in SkillEstimate earlier)
    {
        if (!later.Informative)
        {
            return 1;
        }

        if (!earlier.Informative)
        {
            return PValue(later);
        }

        var observed = later.Observed;
        var before = Math.Abs(earlier.Kappa);
        Span<double> logPosterior = stackalloc double[GridPoints];
        var max = double.NegativeInfinity;
        for (var m = 0; m < GridPoints; m++)
        {
            var kappa = _kappa[m];
            var se = earlier.StandardError(kappa);
            var near = Tails.LogNormalDensity((before - kappa) / se);
            var mirror = Tails.LogNormalDensity((-before - kappa) / se);
            var high = Math.Max(near, mirror);
            logPosterior[m] = _logWeight[m] + high + Math.Log(1 + Math.Exp(Math.Min(near, mirror) - high)) - Math.Log(se);
            max = Math.Max(max, logPosterior[m]);
        }

        double numerator = 0, denominator = 0;
        for (var m = 0; m < GridPoints; m++)
        {
            var weight = Math.Exp(logPosterior[m] - max);
            denominator += weight;
            numerator += weight * Within(observed, _kappa[m], later.StandardError(_kappa[m]));
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, 1) : 1;
    }

    /// <summary>P(|X| ≤ x) for X ~ Normal(κ, se²).</summary>
    private static double Within(double x, double kappa, double se) =>
        Math.Max(0, Tails.NormalLower((x - kappa) / se) - Tails.NormalLower((-x - kappa) / se));

    /// <summary>P(|X| ≤ x) for X = κ + se · T, T Student's t with <see cref="NoiseDegrees"/> degrees of freedom.</summary>
    private static double WithinHeavy(double x, double kappa, double se) =>
        Math.Max(0, Tails.StudentUpper((kappa - x) / se, NoiseDegrees) - Tails.StudentUpper((kappa + x) / se, NoiseDegrees));
}
