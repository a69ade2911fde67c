using CrowdFit.Numerics;

namespace CrowdFit.Routing;

public sealed partial class SkillModel
{
    /// <summary>How far a prior mean is kept from 0 and 1, so that both Beta shapes stay positive.</summary>
    private const double MeanMargin = 1e-3;

    /// <summary>Smallest residual variance of a transfer, so that a perfectly similar, perfectly measured type cannot divide by zero.</summary>
    private const double MinResidual = 1e-6;

    /// <summary>Fits the model to the evidence: crowd means, spreads, similarities, then every worker's posterior.</summary>
    /// <param name="evidence">The answers seen; later additions do not change the fitted model.</param>
    /// <param name="options">Settings; <see cref="SkillModelOptions.Default"/> when null.</param>
    /// <returns>The fitted model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evidence"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static SkillModel Fit(SkillEvidence evidence, SkillModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        options ??= SkillModelOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var types = evidence.TaskTypeCount;
        var crowdMean = CrowdMeans(evidence, options);
        var spread = Spreads(evidence, crowdMean);
        var similarity = Similarities(evidence, crowdMean, spread, options);
        var crowdPrior = new SkillEstimate[types];
        for (var t = 0; t < types; t++)
        {
            crowdPrior[t] = Posterior(options.PriorStrength * crowdMean[t], options.PriorStrength * (1 - crowdMean[t]), 0, options.IntervalMass);
        }

        var estimates = Estimates(evidence, crowdMean, spread, similarity, crowdPrior, options);
        return new SkillModel(evidence.WorkerCount, crowdMean, spread, similarity, crowdPrior, estimates);
    }

    private static double[] CrowdMeans(SkillEvidence evidence, SkillModelOptions options)
    {
        var types = evidence.TaskTypeCount;
        var weights = evidence.Weights;
        var correct = evidence.Correct;
        var seen = new double[types];
        var right = new double[types];
        for (var cell = 0; cell < weights.Length; cell++)
        {
            seen[cell % types] += weights[cell];
            right[cell % types] += correct[cell];
        }

        var k = options.PriorStrength;
        for (var t = 0; t < types; t++)
        {
            right[t] = (right[t] + (k * options.DefaultAccuracy)) / (seen[t] + k);
        }

        return right;
    }

    private static double[] Spreads(SkillEvidence evidence, double[] crowdMean)
    {
        var types = evidence.TaskTypeCount;
        var weights = evidence.Weights;
        var correct = evidence.Correct;
        var spread = new double[types];
        for (var t = 0; t < types; t++)
        {
            double squares = 0, answers = 0;
            var workers = 0;
            for (var cell = t; cell < weights.Length; cell += types)
            {
                var n = weights[cell];
                if (n > 0)
                {
                    var d = (correct[cell] / n) - crowdMean[t];
                    squares += n * d * d;
                    answers += n;
                    workers++;
                }
            }

            // Each worker's deviation carries binomial noise m(1 − m)/n; the first answer of each pays for it.
            var excess = answers - workers;
            var variance = excess > 0 ? (squares - (workers * crowdMean[t] * (1 - crowdMean[t]))) / excess : 0;
            spread[t] = Math.Sqrt(Math.Max(variance, 0));
        }

        return spread;
    }

    private static double[] Similarities(SkillEvidence evidence, double[] crowdMean, double[] spread, SkillModelOptions options)
    {
        var types = evidence.TaskTypeCount;
        var weights = evidence.Weights;
        var correct = evidence.Correct;
        var products = new double[types * types];
        var mass = new double[types * types];
        var shared = new int[types * types];
        for (var offset = 0; offset < weights.Length; offset += types)
        {
            for (var a = 0; a < types; a++)
            {
                var na = weights[offset + a];
                if (!(na >= options.OverlapEvidence && na > 0))
                {
                    continue;
                }

                var da = (correct[offset + a] / na) - crowdMean[a];
                for (var b = a + 1; b < types; b++)
                {
                    var nb = weights[offset + b];
                    if (nb >= options.OverlapEvidence && nb > 0)
                    {
                        var weight = na * nb / (na + nb);
                        products[(a * types) + b] += weight * da * ((correct[offset + b] / nb) - crowdMean[b]);
                        mass[(a * types) + b] += weight;
                        shared[(a * types) + b]++;
                    }
                }
            }
        }

        var similarity = new double[types * types];
        for (var a = 0; a < types; a++)
        {
            similarity[(a * types) + a] = 1;
            for (var b = a + 1; b < types; b++)
            {
                var pair = (a * types) + b;
                var scale = spread[a] * spread[b];
                if (shared[pair] == 0 || !(scale > 0))
                {
                    continue;
                }

                var correlation = Math.Clamp(products[pair] / mass[pair] / scale, -1, 1);
                var rho = correlation * shared[pair] / (shared[pair] + options.SimilarityShrinkage);
                similarity[pair] = rho;
                similarity[(b * types) + a] = rho;
            }
        }

        return similarity;
    }

    private static SkillEstimate[] Estimates(SkillEvidence evidence, double[] crowdMean, double[] spread, double[] similarity, SkillEstimate[] crowdPrior, SkillModelOptions options)
    {
        var types = evidence.TaskTypeCount;
        var weights = evidence.Weights;
        var correct = evidence.Correct;
        var k = options.PriorStrength;
        var estimates = new SkillEstimate[weights.Length];
        var standing = new double[types];
        var noise = new double[types];
        for (var offset = 0; offset < weights.Length; offset += types)
        {
            for (var s = 0; s < types; s++)
            {
                var n = weights[offset + s];
                var measured = n > 0 && spread[s] > 0;
                standing[s] = measured ? ((correct[offset + s] / n) - crowdMean[s]) / spread[s] : double.NaN;
                noise[s] = measured ? crowdMean[s] * (1 - crowdMean[s]) / (n * spread[s] * spread[s]) : double.NaN;
            }

            for (var t = 0; t < types; t++)
            {
                var z = spread[t] > 0 ? Transfer(t, standing, noise, similarity.AsSpan(t * types, types)) : 0;
                var n = weights[offset + t];
                if (n == 0 && z == 0)
                {
                    estimates[offset + t] = crowdPrior[t];
                    continue;
                }

                var prior = Math.Clamp(crowdMean[t] + (spread[t] * z), MeanMargin, 1 - MeanMargin);
                var c = correct[offset + t];
                estimates[offset + t] = Posterior((k * prior) + c, (k * (1 - prior)) + Math.Max(n - c, 0), n, options.IntervalMass);
            }
        }

        return estimates;
    }

    /// <summary>The worker's expected standing on type t from its standings on the other types (see the remarks).</summary>
    private static double Transfer(int t, ReadOnlySpan<double> standing, ReadOnlySpan<double> noise, ReadOnlySpan<double> similarity)
    {
        double precision = 1, sum = 0;
        for (var s = 0; s < standing.Length; s++)
        {
            var rho = similarity[s];
            if (s == t || rho == 0 || double.IsNaN(standing[s]))
            {
                continue;
            }

            var residual = Math.Max(1 - (rho * rho) + noise[s], MinResidual);
            precision += rho * rho / residual;
            sum += rho * standing[s] / residual;
        }

        return sum / precision;
    }

    private static SkillEstimate Posterior(double alpha, double beta, double evidence, double mass) => new(
        alpha / (alpha + beta),
        SpecialFunctions.BetaQuantile((1 - mass) / 2, alpha, beta),
        SpecialFunctions.BetaQuantile((1 + mass) / 2, alpha, beta),
        evidence);
}
