using CrowdFit.Fraud.Behaviour;
using CrowdFit.Numerics;

namespace CrowdFit.Operations;

public static partial class CohortAudit
{
    /// <summary>The coefficients of the erfc fit below the highest, highest first.</summary>

    /// <summary>
    /// The exact conditional test of a cohort against the rest, stratified: P(X ≥ <paramref name="observed"/>) for X
    /// the sum over strata of independent hypergeometric counts, the flagged workers among <c>drawn[s]</c> workers
    /// drawn without replacement from a stratum of <c>workers[s]</c> workers of whom <c>flagged[s]</c> are flagged.
    /// Exact up to <paramref name="maxExact"/> drawn workers in all, else the normal approximation.
    /// </summary>
    /// <param name="workers">Workers of each stratum.</param>
    /// <param name="flagged">Flagged workers of each stratum, at most its workers.</param>
    /// <param name="drawn">The cohort's workers in each stratum, at most its workers.</param>
    /// <param name="observed">The cohort's flagged workers.</param>
    /// <param name="maxExact">Largest cohort for the exact tail.</param>
    /// <param name="scratch">At least <c>2 × (Σ drawn + 1)</c> entries, overwritten.</param>
    internal static double StratifiedUpperTail(
        ReadOnlySpan<int> workers,
        ReadOnlySpan<int> flagged,
        ReadOnlySpan<int> drawn,
        int observed,
        int maxExact,
        Span<double> scratch)
    {
        var total = 0;
        var mean = 0.0;
        var variance = 0.0;
        for (var s = 0; s < drawn.Length; s++)
        {
            if (drawn[s] > 0)
            {
                double n = drawn[s], big = workers[s], k = flagged[s];
                total += drawn[s];
                mean += n * k / big;
                variance += big > 1 ? n * k * (big - k) * (big - n) / (big * big * (big - 1)) : 0;
            }
        }

        if (observed <= 0)
        {
            return 1;
        }

        if (observed > total)
        {
            return 0;
        }

        if (total > maxExact)
        {
            return variance <= 0 ? (observed <= mean ? 1 : 0) : 0.5 * Tails.Erfc((observed - 0.5 - mean) / Math.Sqrt(2 * variance));
        }

        return ExactUpperTail(workers, flagged, drawn, observed, total, scratch);
    }

    /// <summary>The exact tail by convolving the strata's hypergeometric distributions, O(c²) in the cohort's size.</summary>
    private static double ExactUpperTail(ReadOnlySpan<int> workers, ReadOnlySpan<int> flagged, ReadOnlySpan<int> drawn, int observed, int total, Span<double> scratch)
    {
        var dist = scratch[..(total + 1)];
        var next = scratch.Slice(total + 1, total + 1);
        dist.Clear();
        dist[0] = 1;
        var reach = 0;
        for (var s = 0; s < drawn.Length; s++)
        {
            var n = drawn[s];
            if (n == 0)
            {
                continue;
            }

            var big = workers[s];
            var k = flagged[s];
            var lo = Math.Max(0, n - (big - k));
            var hi = Math.Min(n, k);
            var logAll = LogChoose(big, n);
            next[..(reach + hi + 1)].Clear();
            for (var x = lo; x <= hi; x++)
            {
                var pmf = Math.Exp(LogChoose(k, x) + LogChoose(big - k, n - x) - logAll);
                for (var j = 0; j <= reach; j++)
                {
                    next[j + x] += dist[j] * pmf;
                }
            }

            reach += hi;
            next[..(reach + 1)].CopyTo(dist);
        }

        // Summing the upper tail directly keeps tiny p-values accurate (1 − lower tail would cancel).
        var tail = 0.0;
        for (var x = reach; x >= observed; x--)
        {
            tail += dist[x];
        }

        return Math.Clamp(tail, 0, 1);
    }

    private static double LogChoose(int n, int k) =>
        SpecialFunctions.LogGamma(n + 1.0) - SpecialFunctions.LogGamma(k + 1.0) - SpecialFunctions.LogGamma(n - k + 1.0);
}
