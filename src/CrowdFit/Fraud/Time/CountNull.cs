using CrowdFit.Fraud.Behaviour;
using CrowdFit.Numerics;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// What an honest worker's count of events among its answers looks like (answers with a small p-value,
/// overlapping claims): a beta-binomial with rate r and intra-worker correlation ρ (ρ = 0 is the binomial),
/// fitted on the workers whose counts do not stand out.
/// </summary>
/// <remarks>
/// The fit starts from a given rate and no correlation, leaves out the workers whose upper tail is below the
/// trim level, re-estimates r as (K + 1) / (N + 1) from the K events in the N answers of the workers kept (at
/// least the floor rate) and ρ by the method of moments, and repeats until it keeps the same workers (at most
/// 20 rounds). The pseudo-event keeps r positive, so one event in a log that has none never looks impossible.
/// </remarks>
internal readonly record struct CountNull(double Rate, double Correlation)
{
    /// <summary>Fits the null.</summary>
    /// <param name="counts">Events per worker.</param>
    /// <param name="trials">Answers per worker (0 for workers without any; they are ignored).</param>
    /// <param name="startRate">Rate of the first round.</param>
    /// <param name="floorRate">Smallest rate reported.</param>
    /// <param name="trimLevel">Workers whose count has an upper tail below this are left out of the next round.</param>
    public static CountNull Fit(ReadOnlySpan<int> counts, ReadOnlySpan<int> trials, double startRate, double floorRate, double trimLevel)
    {
        var fit = new CountNull(Math.Max(startRate, floorRate), 0);
        var kept = new bool[counts.Length];
        for (var round = 0; round < 20; round++)
        {
            var changed = round == 0;
            double events = 0, total = 0;
            for (var w = 0; w < counts.Length; w++)
            {
                var keep = trials[w] > 0 && fit.PValue(counts[w], trials[w]) >= trimLevel;
                changed |= keep != kept[w];
                kept[w] = keep;
                if (keep)
                {
                    events += counts[w];
                    total += trials[w];
                }
            }

            if (!changed)
            {
                break;
            }

            var rate = Math.Max(floorRate, (events + 1) / (total + 1));
            double excess = 0, pairs = 0;
            for (var w = 0; w < counts.Length; w++)
            {
                if (kept[w])
                {
                    var n = (double)trials[w];
                    var deviation = counts[w] - (n * rate);
                    excess += (deviation * deviation) - (n * rate * (1 - rate));
                    pairs += n * (n - 1);
                }
            }

            var correlation = pairs > 0 ? Math.Clamp(excess / (rate * (1 - rate) * pairs), 0, 0.5) : 0;
            fit = new CountNull(Math.Min(rate, 0.999), correlation);
        }

        return fit;
    }

    /// <summary>P(X ≥ <paramref name="count"/>) for an honest worker with <paramref name="trials"/> answers.</summary>
    public double PValue(int count, int trials)
    {
        if (count <= 0)
        {
            return 1;
        }

        if (count > trials)
        {
            return 0;
        }

        if (Correlation < 1e-9)
        {
            return Tails.BinomialUpper(count, trials, Rate);
        }

        var spread = (1 - Correlation) / Correlation;
        return BetaBinomialUpper(count, trials, Rate * spread, (1 - Rate) * spread);
    }

    /// <summary>
    /// P(X ≥ k) for X ~ BetaBinomial(n, a, b): the smaller of the two tails summed term by term with the
    /// ratio of successive probabilities, so the cost is one set of log-gamma calls plus the terms that matter.
    /// </summary>
    private static double BetaBinomialUpper(int k, int n, double a, double b)
    {
        var mean = n * a / (a + b);
        if (k <= mean)
        {
            // The upper tail is large here; its complement is the short sum.
            var lower = 0.0;
            var term = Math.Exp(LogProbability(k - 1, n, a, b));
            for (var x = k - 1; x >= 0 && term > 0; x--)
            {
                lower += term;
                term *= x * (n - x + b) / ((n - x + 1.0) * (x - 1 + a));
                if (term < lower * 1e-17)
                {
                    break;
                }
            }

            return Math.Clamp(1 - lower, 0, 1);
        }

        var upper = 0.0;
        var p = Math.Exp(LogProbability(k, n, a, b));
        for (var x = k; x <= n && p > 0; x++)
        {
            upper += p;
            p *= (n - x) * (x + a) / ((x + 1.0) * (n - x - 1 + b));
            if (p < upper * 1e-17)
            {
                break;
            }
        }

        return Math.Min(1, upper);
    }

    private static double LogProbability(int x, int n, double a, double b) =>
        SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(n - x + 1)
        + LogBeta(x + a, n - x + b) - LogBeta(a, b);

    private static double LogBeta(double a, double b) =>
        SpecialFunctions.LogGamma(a) + SpecialFunctions.LogGamma(b) - SpecialFunctions.LogGamma(a + b);
}
