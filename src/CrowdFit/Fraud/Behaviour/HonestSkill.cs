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
/// skilled and then stops is judged against itself. The terms of the integral do not depend on the Beta, so
/// the fit tabulates them once per worker and each round only re-weighs them.
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
    private const int NoiseDegrees = 10;

    /// <summary>Below this ν / (ν + t²) the t tail is summed as a series, whose terms are all positive; above it the finite form keeps its digits.</summary>
    private const double SeriesBelow = 0.25;

    /// <summary>
    /// The log-weight gap beyond which the mirror term of the conditional posterior is too small to change
    /// 1 + e^gap in double precision (e^−38 is under half an ulp of 1).
    /// </summary>
    private const double NegligibleGap = -38;

    /// <summary>Posterior weights below this share of the total are left out of the conditional p-value when together they are negligible.</summary>
    private const double NegligibleWeight = 1e-18;

    /// <summary>The most the left-out weights may add to the conditional p-value, relative to it.</summary>
    private const double NegligibleShare = 1e-15;

    /// <summary>Workers per parallel chunk of the fit's tabulation.</summary>
    private const int ChunkSize = 256;

    /// <summary>The skill grid κ_m = (m + ½) / <see cref="GridPoints"/> and its logarithms, shared by every model.</summary>
    private static readonly double[] s_kappa = Grid(kappa => kappa);
    private static readonly double[] s_logKappa = Grid(Math.Log);
    private static readonly double[] s_logComplement = Grid(kappa => Math.Log(1 - kappa));

    /// <summary>c_{j+1} / c_j = (2j + 1) / (2j + 2) for j from ν/2 on; enough terms for u below <see cref="SeriesBelow"/>.</summary>
    private static readonly double[] s_seriesRatio = [.. Enumerable.Range(NoiseDegrees / 2, 40).Select(j => ((2.0 * j) + 1) / ((2.0 * j) + 2))];

    private readonly double[] _logWeight = new double[GridPoints];
    private readonly double[] _weight = new double[GridPoints];

    private HonestSkill(double mean, double spread, int referenceWorkers)
    {
        Mean = mean;
        Spread = Math.Min(spread, Math.Sqrt(0.9 * mean * (1 - mean)));
        ReferenceWorkers = referenceWorkers;
        BetaWeights(mean, spread, _weight, _logWeight);
    }

    /// <summary>Mean skill of honest workers.</summary>
    public double Mean { get; }

    /// <summary>Spread (standard deviation) of honest skill, sampling noise removed.</summary>
    public double Spread { get; }

    /// <summary>Workers the fit kept; 0 when the fallback of the options was used.</summary>
    public int ReferenceWorkers { get; }

    /// <summary>
    /// Fits the model to workers' whole-run estimates (the fallback of the options when too few workers
    /// qualify) and writes each estimate's <see cref="PValue(in SkillEstimate)"/> under the fitted model into
    /// <paramref name="pValues"/>.
    /// </summary>
    public static HonestSkill Fit(SkillEstimate[] estimates, SpamStateOptions options, double[] pValues)
    {
        var reference = new List<int>();
        for (var i = 0; i < estimates.Length; i++)
        {
            if (estimates[i].Count >= options.MinReferenceAnswers && estimates[i].Informative)
            {
                reference.Add(i);
            }
        }

        var model = new HonestSkill(options.FallbackSkillMean, options.FallbackSkillSpread, 0);
        if (reference.Count < options.MinReferenceWorkers)
        {
            model.PValues(estimates, pValues, null);
            return model;
        }

        var x = new double[reference.Count];
        var noise = new double[reference.Count];
        var within = new double[reference.Count * GridPoints];
        ForEachChunk(reference.Count, i =>
        {
            var estimate = estimates[reference[i]];
            x[i] = Math.Min(1, Math.Abs(estimate.Kappa));
            noise[i] = estimate.StandardError(x[i]);
            WithinRow(estimate, within.AsSpan(i * GridPoints, GridPoints));
        });

        var kept = new bool[x.Length];
        Array.Fill(kept, true);
        var values = new double[x.Length];
        var noises = new double[x.Length];
        var fitted = new double[x.Length];
        for (var round = 0; round < 20; round++)
        {
            var count = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (kept[i])
                {
                    values[count] = x[i];
                    noises[count] = noise[i];
                    count++;
                }
            }

            var kappas = values.AsSpan(0, count);
            var medianNoise = Robust.Median(noises.AsSpan(0, count));
            var median = Robust.Median(kappas);
            var quartile = Robust.Select(kappas, count / 4);
            double mean, spread;
            if (round == 0)
            {
                (mean, spread) = MatchQuantiles(median, quartile, BodyLevel, medianNoise, options.MinSkillSpread);
            }
            else
            {
                var tail = Robust.Select(kappas, (int)(TailLevel * count));
                (double Mean, double Spread) body = default, wider = default;
                Parallel.Invoke(
                    () => body = MatchQuantiles(median, quartile, BodyLevel, medianNoise, options.MinSkillSpread),
                    () => wider = MatchQuantiles(median, tail, TailLevel, medianNoise, options.MinSkillSpread));
                (mean, spread) = wider.Spread > body.Spread ? wider : body;
            }

            model = new HonestSkill(mean, spread, count);
            var changed = false;
            var any = false;
            for (var i = 0; i < x.Length; i++)
            {
                fitted[i] = model.Weigh(within.AsSpan(i * GridPoints, GridPoints));
                var keep = fitted[i] >= options.TrimLevel;
                changed |= keep != kept[i];
                kept[i] = keep;
                any |= keep;
            }

            if (!changed || !any)
            {
                break;
            }
        }

        var tabulated = new bool[estimates.Length];
        for (var i = 0; i < reference.Count; i++)
        {
            tabulated[reference[i]] = true;
            pValues[reference[i]] = fitted[i];
        }

        model.PValues(estimates, pValues, tabulated);
        return model;
    }

    /// <summary>P(|κ̂| ≤ observed) for an honest worker of this population answering the run of <paramref name="run"/>.</summary>
    public double PValue(in SkillEstimate run)
    {
        if (!run.Informative)
        {
            return 1;
        }

        Span<double> row = stackalloc double[GridPoints];
        WithinRow(run, row);
        return Weigh(row);
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
        // The posterior weight of each grid point, e^(log prior + log likelihood) / se, scaled by its largest exponent.
        Span<double> weight = stackalloc double[GridPoints];
        Span<double> se = stackalloc double[GridPoints];
        var max = double.NegativeInfinity;
        for (var m = 0; m < GridPoints; m++)
        {
            var kappa = s_kappa[m];
            se[m] = earlier.StandardError(kappa);
            var near = Tails.LogNormalDensity((before - kappa) / se[m]);
            var mirror = Tails.LogNormalDensity((-before - kappa) / se[m]);
            var high = Math.Max(near, mirror);
            var gap = Math.Min(near, mirror) - high;
            weight[m] = _logWeight[m] + high + (gap < NegligibleGap ? 0 : Math.Log(1 + Math.Exp(gap)));
            max = Math.Max(max, weight[m]);
        }

        var denominator = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            weight[m] = Math.Exp(weight[m] - max) / se[m];
            denominator += weight[m];
        }

        // Grid points the posterior all but rules out are weighed only if their mass could move the sum.
        var cutoff = NegligibleWeight * denominator;
        double numerator = 0, skipped = 0;
        for (var m = 0; m < GridPoints; m++)
        {
            if (weight[m] < cutoff)
            {
                skipped += weight[m];
            }
            else
            {
                numerator += weight[m] * Within(observed, s_kappa[m], later.StandardError(s_kappa[m]));
            }
        }

        if (skipped > NegligibleShare * numerator)
        {
            for (var m = 0; m < GridPoints; m++)
            {
                if (weight[m] < cutoff && weight[m] > 0)
                {
                    numerator += weight[m] * Within(observed, s_kappa[m], later.StandardError(s_kappa[m]));
                }
            }
        }

        return denominator > 0 ? Math.Clamp(numerator / denominator, 0, 1) : 1;
    }

    /// <summary>P(T ≥ t) for T ~ Student's t with <see cref="NoiseDegrees"/> degrees of freedom; NaN gives 1.</summary>
    /// <remarks>
    /// For even ν the tail is finite: with s = |t| / √(ν + t²) and u = ν / (ν + t²), P(T ≥ |t|) = ½ (1 − s Σ_{j&lt;ν/2} c_j u^j),
    /// c_j = (2j − 1)!! / (2j)!!; since Σ_j c_j u^j = 1 / s, the same tail is ½ s Σ_{j≥ν/2} c_j u^j, summed
    /// where the difference would cancel (Abramowitz and Stegun 26.7.4).
    /// </remarks>
    internal static double StudentUpper(double t)
    {
        if (double.IsNaN(t))
        {
            return 1;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 0 : 1;
        }

        var scale = NoiseDegrees + (t * t);
        var s = Math.Abs(t) / Math.Sqrt(scale);
        var u = NoiseDegrees / scale;
        double tail;
        if (u < SeriesBelow)
        {
            // c_5 = 63/256 for ν = 10.
            var term = 63.0 / 256 * u * u * u * u * u;
            var sum = 0.0;
            for (var j = 0; j < s_seriesRatio.Length && term > 1e-17 * sum; j++)
            {
                sum += term;
                term *= u * s_seriesRatio[j];
            }

            tail = 0.5 * s * sum;
        }
        else
        {
            var finite = 1 + (u * ((1.0 / 2) + (u * ((3.0 / 8) + (u * ((5.0 / 16) + (u * (35.0 / 128))))))));
            tail = 0.5 * (1 - (s * finite));
        }

        return t >= 0 ? tail : 1 - tail;
    }

    /// <summary>
    /// The Beta (as mean and standard deviation) whose convolution with Normal(0, noise²) has the given median and
    /// lower quantile of the given level: bisection on the spread, and for each spread on the mean.
    /// </summary>
    private static (double Mean, double Spread) MatchQuantiles(double median, double tail, double level, double noise, double minSpread)
    {
        // P(noise ≤ x − κ_m) at the two quantiles does not depend on the Beta.
        Span<double> belowMedian = stackalloc double[GridPoints];
        Span<double> belowTail = stackalloc double[GridPoints];
        for (var m = 0; m < GridPoints; m++)
        {
            belowMedian[m] = Tails.NormalLower((median - s_kappa[m]) / noise);
            belowTail[m] = Tails.NormalLower((tail - s_kappa[m]) / noise);
        }

        Span<double> weight = stackalloc double[GridPoints];
        double MeanFor(double spread, Span<double> weight, ReadOnlySpan<double> belowMedian)
        {
            double lo = 0.02, hi = 0.98;
            for (var i = 0; i < 40; i++)
            {
                var mid = 0.5 * (lo + hi);
                if (Cdf(belowMedian, mid, spread, weight) > 0.5)
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
        var best = MeanFor(spreadLo, weight, belowMedian);
        if (Cdf(belowTail, best, spreadLo, weight) >= level)
        {
            return (best, spreadLo);
        }

        for (var i = 0; i < 40; i++)
        {
            var mid = 0.5 * (spreadLo + spreadHi);
            var mean = MeanFor(mid, weight, belowMedian);
            if (Cdf(belowTail, mean, mid, weight) < level)
            {
                spreadLo = mid;
            }
            else
            {
                spreadHi = mid;
            }
        }

        var spread = 0.5 * (spreadLo + spreadHi);
        return (MeanFor(spread, weight, belowMedian), spread);
    }

    /// <summary>P(κ + noise ≤ x) for κ from the Beta with this mean and spread, given P(noise ≤ x − κ_m) on the grid.</summary>
    private static double Cdf(ReadOnlySpan<double> below, double mean, double spread, Span<double> weight)
    {
        BetaWeights(mean, spread, weight, null);
        var cdf = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            cdf += weight[m] * below[m];
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
            weight[m] = ((a - 1) * s_logKappa[m]) + ((b - 1) * s_logComplement[m]);
            max = Math.Max(max, weight[m]);
        }

        var sum = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            var log = weight[m];
            weight[m] = Math.Exp(log - max);
            sum += weight[m];
            if (logWeight is not null)
            {
                logWeight[m] = log;
            }
        }

        var logSum = max + Math.Log(sum);
        for (var m = 0; m < GridPoints; m++)
        {
            weight[m] /= sum;
            if (logWeight is not null)
            {
                logWeight[m] -= logSum;
            }
        }
    }

    /// <summary>Per grid point κ_m, P(|κ̂| ≤ observed) for a worker of skill κ_m answering the run of <paramref name="run"/>.</summary>
    private static void WithinRow(in SkillEstimate run, Span<double> row)
    {
        var observed = run.Observed;
        for (var m = 0; m < GridPoints; m++)
        {
            row[m] = WithinHeavy(observed, s_kappa[m], run.StandardError(s_kappa[m]));
        }
    }

    /// <summary>P(|X| ≤ x) for X ~ Normal(κ, se²).</summary>
    private static double Within(double x, double kappa, double se)
    {
        var upper = Tails.NormalLower((x - kappa) / se);
        var z = (-x - kappa) / se;

        // Φ(−9) < 1.2e-19: below the last digit of an upper term over 1e-3.
        return z < -9 && upper > 1e-3 ? upper : Math.Max(0, upper - Tails.NormalLower(z));
    }

    /// <summary>P(|X| ≤ x) for X = κ + se · T, T Student's t with <see cref="NoiseDegrees"/> degrees of freedom.</summary>
    private static double WithinHeavy(double x, double kappa, double se) =>
        Math.Max(0, StudentUpper((kappa - x) / se) - StudentUpper((kappa + x) / se));

    /// <summary>Runs <paramref name="body"/> for 0..<paramref name="count"/> − 1 in parallel, in fixed chunks.</summary>
    private static void ForEachChunk(int count, Action<int> body) =>
        Parallel.For(0, (count + ChunkSize - 1) / ChunkSize, chunk =>
        {
            for (var i = chunk * ChunkSize; i < Math.Min(count, (chunk + 1) * ChunkSize); i++)
            {
                body(i);
            }
        });

    private static double[] Grid(Func<double, double> f)
    {
        var grid = new double[GridPoints];
        for (var m = 0; m < GridPoints; m++)
        {
            grid[m] = f((m + 0.5) / GridPoints);
        }

        return grid;
    }

    /// <summary>The mixture p-value from a row of <see cref="WithinRow"/>: its sum weighted by the Beta.</summary>
    private double Weigh(ReadOnlySpan<double> within)
    {
        var p = 0.0;
        for (var m = 0; m < GridPoints; m++)
        {
            p += _weight[m] * within[m];
        }

        return Math.Clamp(p, 0, 1);
    }

    /// <summary>Writes <see cref="PValue(in SkillEstimate)"/> of every estimate not already <paramref name="done"/>.</summary>
    private void PValues(SkillEstimate[] estimates, double[] pValues, bool[]? done) =>
        ForEachChunk(estimates.Length, i =>
        {
            if (done is null || !done[i])
            {
                pValues[i] = PValue(estimates[i]);
            }
        });
}
