using CrowdFit.Routing;

namespace CrowdFit.Tests.Routing;

/// <summary>
/// Workers with known accuracies on three task types: types 0 and 1 share most of a worker's ability (true
/// correlation 0.9 before clamping), type 2 is unrelated to both.
/// </summary>
internal sealed class SkillPopulation
{
    public const int Types = 3;

    private static readonly double[] s_mean = [0.75, 0.70, 0.80];
    private static readonly double[] s_spread = [0.10, 0.10, 0.08];

    private readonly double[] _accuracy;

    public SkillPopulation(int workers, int seed)
    {
        var random = new Random(seed);
        Workers = workers;
        _accuracy = new double[workers * Types];
        for (var w = 0; w < workers; w++)
        {
            var ability = Normal(random);
            var related = (0.9 * ability) + (Math.Sqrt(1 - 0.81) * Normal(random));
            var standing = new[] { ability, related, Normal(random) };
            for (var t = 0; t < Types; t++)
            {
                _accuracy[(w * Types) + t] = Math.Clamp(s_mean[t] + (s_spread[t] * standing[t]), 0.35, 0.98);
            }
        }
    }

    public int Workers { get; }

    public double Accuracy(int worker, int type) => _accuracy[(worker * Types) + type];

    /// <summary>Evidence with <paramref name="answers"/> gold answers from every worker on every type.</summary>
    public SkillEvidence Evidence(int answers, int seed, int extraWorkers = 0)
    {
        var evidence = new SkillEvidence(Workers + extraWorkers, Types);
        var random = new Random(seed);
        for (var w = 0; w < Workers; w++)
        {
            for (var t = 0; t < Types; t++)
            {
                Answer(evidence, random, w, t, Accuracy(w, t), answers);
            }
        }

        return evidence;
    }

    public static void Answer(SkillEvidence evidence, Random random, int worker, int type, double accuracy, int answers, double weight = 1)
    {
        for (var i = 0; i < answers; i++)
        {
            evidence.Add(worker, type, random.NextDouble() < accuracy ? 1 : 0, weight);
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
