using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Identity;

/// <summary>
/// What an honest worker's count of event units (days without a rest break, days with two login countries ...)
/// among its active units looks like: a beta-binomial with rate r and intra-worker correlation ρ, fitted on the
/// workers whose counts do not stand out.
/// </summary>
/// <remarks>
/// The fit starts from the floor rate and no correlation, leaves out the workers whose upper tail is below the
/// trim level, re-estimates r as (K + 1) / (N + 1) from the K events in the N units of the workers kept (at
/// least the floor) and ρ by the method of moments (at most 0.5), and repeats until it keeps the same workers
/// (at most 20 rounds). Workers with no units are ignored. The correlation lets a crowd in which some honest
/// workers have many event units (travellers, VPN users, phone-and-laptop users) widen the tail for everyone.
/// </remarks>
internal readonly record struct UnitCountNull(double Rate, double Correlation)
{
    /// <summary>Fits the null on the workers with at least one unit.</summary>
    /// <param name="counts">Event units per worker.</param>
    /// <param name="units">Active units per worker (0 for workers not tested).</param>
    /// <param name="floorRate">Smallest rate reported.</param>
    /// <param name="trimLevel">Workers whose count has an upper tail below this are left out of the next round.</param>
    public static UnitCountNull Fit(ReadOnlySpan<int> counts, ReadOnlySpan<int> units, double floorRate, double trimLevel)
    {
        var fit = new UnitCountNull(floorRate, 0);
        var kept = new bool[counts.Length];
        for (var round = 0; round < 20; round++)
        {
            var changed = round == 0;
            double events = 0, total = 0;
            for (var w = 0; w < counts.Length; w++)
            {
                var keep = units[w] > 0 && fit.PValue(counts[w], units[w]) >= trimLevel;
                changed |= keep != kept[w];
                kept[w] = keep;
                if (keep)
                {
                    events += counts[w];
                    total += units[w];
                }
            }

            if (!changed)
            {
                break;
            }

            var rate = Math.Min(0.999, Math.Max(floorRate, (events + 1) / (total + 1)));
            double excess = 0, pairs = 0;
            for (var w = 0; w < counts.Length; w++)
            {
                if (kept[w])
                {
                    var n = (double)units[w];
                    var deviation = counts[w] - (n * rate);
                    excess += (deviation * deviation) - (n * rate * (1 - rate));
                    pairs += n * (n - 1);
                }
            }

            var correlation = pairs > 0 ? Math.Clamp(excess / (rate * (1 - rate) * pairs), 0, 0.5) : 0;
            fit = new UnitCountNull(rate, correlation);
        }

        return fit;
    }

    /// <summary>P(X ≥ <paramref name="count"/>) for an honest worker with <paramref name="units"/> active units; 1 when the count is 0.</summary>
    public double PValue(int count, int units)
    {
        if (count <= 0)
        {
            return 1;
        }

        if (Correlation < 1e-9)
        {
            return Tails.BinomialUpper(count, units, Rate);
        }

        var spread = (1 - Correlation) / Correlation;
        return Tails.BetaBinomialUpper(count, units, Rate * spread, (1 - Rate) * spread);
    }
}
