using CrowdFit.Quality;

namespace CrowdFit.Tests.Quality;

public sealed class TaskEvidenceTests
{
    [Fact]
    public void Normalize_SmallLogs_SumsToOne()
    {
        double[] log = [Math.Log(1), Math.Log(3)];
        var posterior = new double[2];

        TaskEvidence.Normalize(log, posterior);

        Assert.Equal(0.25, posterior[0], 12);
        Assert.Equal(0.75, posterior[1], 12);
    }

    [Fact]
    public void Normalize_LargeLogs_StableAndShiftInvariant()
    {
        double[] high = [1000, 1000 + Math.Log(3), 1000 - Math.Log(2)];
        double[] low = [-1e4, -1e4 + Math.Log(3), -1e4 - Math.Log(2)];
        var a = new double[3];
        var b = new double[3];

        TaskEvidence.Normalize(high, a);
        TaskEvidence.Normalize(low, b);

        // 1 : 3 : 0.5 out of 4.5.
        Assert.Equal(1 / 4.5, a[0], 12);
        Assert.Equal(3 / 4.5, a[1], 12);
        Assert.Equal(0.5 / 4.5, a[2], 12);
        Assert.Equal(1, a.Sum(), 12);
        for (var k = 0; k < 3; k++)
        {
            Assert.Equal(a[k], b[k], 12);
        }
    }

    [Fact]
    public void Add_KnownConfusion_GivesBayesPosterior()
    {
        // Truth cat: answers cat 0.8, dog 0.2; truth dog: answers cat 0.3, dog 0.7. Uniform prior.
        double[] confusion = [0.8, 0.2, 0.3, 0.7];
        var logConfusion = new double[4];
        TaskEvidence.Log(confusion, logConfusion);
        double[] log = [Math.Log(0.5), Math.Log(0.5)];
        var posterior = new double[2];

        TaskEvidence.Add(log, logConfusion, 0);
        TaskEvidence.Normalize(log, posterior);
        var afterCat = posterior.ToArray();
        TaskEvidence.Add(log, logConfusion, 1);
        TaskEvidence.Normalize(log, posterior);

        // p(cat | cat) = 0.8 / (0.8 + 0.3); p(cat | cat, dog) = 0.16 / (0.16 + 0.21).
        Assert.Equal(0.8 / 1.1, afterCat[0], 12);
        Assert.Equal(0.3 / 1.1, afterCat[1], 12);
        Assert.Equal(0.16 / 0.37, posterior[0], 12);
        Assert.Equal(0.21 / 0.37, posterior[1], 12);
    }

    [Fact]
    public void Add_NonUniformPrior_MultipliesIn()
    {
        double[] confusion = [0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6];
        var logConfusion = new double[9];
        TaskEvidence.Log(confusion, logConfusion);
        double[] log = [Math.Log(0.5), Math.Log(0.3), Math.Log(0.2)];
        var posterior = new double[3];

        TaskEvidence.Add(log, logConfusion, 2);
        TaskEvidence.Normalize(log, posterior);

        // Column "2": 0.5·0.05, 0.3·0.1, 0.2·0.6 = 0.025, 0.03, 0.12 out of 0.175.
        Assert.Equal(0.025 / 0.175, posterior[0], 12);
        Assert.Equal(0.03 / 0.175, posterior[1], 12);
        Assert.Equal(0.12 / 0.175, posterior[2], 12);
    }

    [Fact]
    public void Leader_Ties_LowestIndex()
    {
        Assert.Equal(1, TaskEvidence.Leader([0.2, 0.4, 0.4]));
        Assert.Equal(0, TaskEvidence.Leader([-3.0, -3.0]));
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(4, 3)]
    [InlineData(5, 4)]
    public void ExpectedErrorAfter_RandomCases_EqualsEnumerationOverNextLabel(int k, int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 50; trial++)
        {
            var posterior = RandomDistribution(random, k, 1);
            var confusion = RandomDistribution(random, k, k);

            var actual = TaskEvidence.ExpectedErrorAfter(posterior, confusion);

            Assert.Equal(BruteForceExpectedError(posterior, confusion), actual, 12);
        }
    }

    [Fact]
    public void ExpectedErrorAfter_WorkedByHand_MatchesFormula()
    {
        // Posterior (0.7, 0.3), symmetric 0.9 worker. Answer cat (p = 0.66): p(cat) = 0.63/0.66, error 0.03/0.66.
        // Answer dog (p = 0.34): p(dog) = 0.27/0.34, error 0.07/0.34. Expected error 0.03 + 0.07 = 0.1.
        double[] posterior = [0.7, 0.3];
        double[] confusion = [0.9, 0.1, 0.1, 0.9];

        Assert.Equal(0.1, TaskEvidence.ExpectedErrorAfter(posterior, confusion), 12);
    }

    [Fact]
    public void ExpectedErrorAfter_UselessWorker_NoGain()
    {
        double[] posterior = [0.6, 0.3, 0.1];
        var confusion = Enumerable.Repeat(1.0 / 3, 9).ToArray();

        Assert.Equal(0.4, TaskEvidence.ExpectedErrorAfter(posterior, confusion), 12);
    }

    [Theory]
    [InlineData(2, 21)]
    [InlineData(3, 22)]
    [InlineData(5, 23)]
    public void InformationGain_RandomCases_EntropyNowLessExpectedEntropyAfter(int k, int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 50; trial++)
        {
            var posterior = RandomDistribution(random, k, 1);
            var confusion = RandomDistribution(random, k, k);

            var gain = TaskEvidence.InformationGain(posterior, confusion);

            Assert.Equal(BruteForceInformation(posterior, confusion), gain, 12);
        }
    }

    [Fact]
    public void InformationGain_WorkedByHand_BinaryChannel()
    {
        // Uniform posterior, symmetric 0.9 worker: ln 2 − H(0.9).
        double[] posterior = [0.5, 0.5];
        double[] confusion = [0.9, 0.1, 0.1, 0.9];

        var gain = TaskEvidence.InformationGain(posterior, confusion);

        Assert.Equal(Math.Log(2) + (0.9 * Math.Log(0.9)) + (0.1 * Math.Log(0.1)), gain, 12);
    }

    [Fact]
    public void InformationGain_UselessWorkerOrSettledTask_Zero()
    {
        var useless = Enumerable.Repeat(1.0 / 3, 9).ToArray();
        double[] perfect = [1, 0, 0, 0, 1, 0, 0, 0, 1];

        Assert.Equal(0, TaskEvidence.InformationGain([0.6, 0.3, 0.1], useless), 12);
        Assert.Equal(0, TaskEvidence.InformationGain([1, 0, 0], perfect), 12);
        Assert.True(TaskEvidence.InformationGain([0.999, 0.001], [0.7, 0.3, 0.3, 0.7]) > 0);
    }

    [Theory]
    [InlineData(2, 31)]
    [InlineData(3, 32)]
    [InlineData(4, 33)]
    public void SettleProbability_RandomCases_MassOfTheAnswersThatSettle(int k, int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 50; trial++)
        {
            var posterior = RandomDistribution(random, k, 1);
            var confusion = RandomDistribution(random, k, k);
            var limit = 0.5 * random.NextDouble();

            var settle = TaskEvidence.SettleProbability(posterior, confusion, limit);

            Assert.Equal(BruteForceSettle(posterior, confusion, limit), settle, 12);
        }
    }

    [Fact]
    public void SettleProbability_WorkedByHand_OnlyTheAgreeingAnswerSettles()
    {
        // Posterior (0.9, 0.1), symmetric 0.95 worker, limit 2 %. Answer 0 (p = 0.86): error 0.005/0.86 = 0.58 %,
        // settles. Answer 1 (p = 0.14): error 0.045/0.14, does not.
        double[] posterior = [0.9, 0.1];
        double[] confusion = [0.95, 0.05, 0.05, 0.95];

        Assert.Equal(0.86, TaskEvidence.SettleProbability(posterior, confusion, 0.02), 12);
        Assert.Equal(1, TaskEvidence.SettleProbability(posterior, confusion, 0.4), 12);
        Assert.Equal(0, TaskEvidence.SettleProbability([0.5, 0.5], [0.9, 0.1, 0.1, 0.9], 0.02), 12);
    }

    [Fact]
    public void AgreeingNeeded_UniformPrior_SmallestCount()
    {
        // Two classes, accuracy 0.8: n agreeing answers leave error 1 / (1 + 4^n); 4^3 = 64 ≥ 49 > 4^2 = 16.
        var log = Uniform(2);
        var logConfusion = LogSymmetric(0.8, 2);

        var needed = TaskEvidence.AgreeingNeeded(log, logConfusion, 0.02, 10);

        Assert.Equal(3, needed);
        Assert.True(ErrorAfterAgreeing(log, logConfusion, needed - 1) > 0.02);
        Assert.True(ErrorAfterAgreeing(log, logConfusion, needed) <= 0.02);
    }

    [Fact]
    public void AgreeingNeeded_AlreadyUnderLimit_Zero()
    {
        double[] log = [Math.Log(0.99), Math.Log(0.01)];

        Assert.Equal(0, TaskEvidence.AgreeingNeeded(log, LogSymmetric(0.8, 2), 0.02, 5));
    }

    [Fact]
    public void AgreeingNeeded_Unreachable_MaxPlusOne()
    {
        var log = Uniform(2);

        Assert.Equal(3, TaskEvidence.AgreeingNeeded(log, LogSymmetric(0.8, 2), 0.02, 2));
        Assert.Equal(6, TaskEvidence.AgreeingNeeded(log, LogSymmetric(0.5, 2), 0.02, 5));
    }

    [Theory]
    [InlineData(2, 11)]
    [InlineData(3, 12)]
    [InlineData(4, 13)]
    public void AgreeingNeeded_RandomCases_SmallestCountByBruteForce(int k, int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 50; trial++)
        {
            var log = RandomDistribution(random, k, 1).Select(p => Math.Log(p)).ToArray();
            var accuracy = 0.5 + (0.49 * random.NextDouble());
            var logConfusion = LogSymmetric(accuracy, k);
            var limit = 0.005 + (0.1 * random.NextDouble());

            var needed = TaskEvidence.AgreeingNeeded(log, logConfusion, limit, 8);

            var expected = 0;
            while (expected <= 8 && ErrorAfterAgreeing(log, logConfusion, expected) > limit)
            {
                expected++;
            }

            Assert.Equal(expected, needed);
        }
    }

    [Theory]
    [InlineData(2, 0.9)]
    [InlineData(4, 0.7)]
    [InlineData(7, 0.3)]
    public void Symmetric_Rows_SumToOneWithAccuracyOnDiagonal(int k, double accuracy)
    {
        var confusion = new double[k * k];

        TaskEvidence.Symmetric(accuracy, confusion, k);

        for (var y = 0; y < k; y++)
        {
            Assert.Equal(1, confusion.AsSpan(y * k, k).ToArray().Sum(), 12);
            Assert.Equal(accuracy, confusion[(y * k) + y]);
            for (var l = 0; l < k; l++)
            {
                Assert.Equal(y == l ? accuracy : (1 - accuracy) / (k - 1), confusion[(y * k) + l], 15);
            }
        }
    }

    private static double[] Uniform(int k) => Enumerable.Repeat(-Math.Log(k), k).ToArray();

    private static double[] LogSymmetric(double accuracy, int k)
    {
        var confusion = new double[k * k];
        TaskEvidence.Symmetric(accuracy, confusion, k);
        var log = new double[k * k];
        TaskEvidence.Log(confusion, log);
        return log;
    }

    /// <summary>Rows of random probabilities, each summing to one.</summary>
    private static double[] RandomDistribution(Random random, int k, int rows)
    {
        var values = new double[rows * k];
        for (var r = 0; r < rows; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < k; i++)
            {
                values[(r * k) + i] = 0.01 + random.NextDouble();
                sum += values[(r * k) + i];
            }

            for (var i = 0; i < k; i++)
            {
                values[(r * k) + i] /= sum;
            }
        }

        return values;
    }

    /// <summary>Σ over the next label l of P(l) times the error of the posterior given l, by Bayes' rule.</summary>
    private static double BruteForceExpectedError(double[] posterior, double[] confusion)
    {
        var k = posterior.Length;
        var expected = 0.0;
        for (var l = 0; l < k; l++)
        {
            var joint = new double[k];
            for (var y = 0; y < k; y++)
            {
                joint[y] = posterior[y] * confusion[(y * k) + l];
            }

            var probability = joint.Sum();
            var after = joint.Select(j => j / probability).ToArray();
            expected += probability * (1 - after.Max());
        }

        return expected;
    }

    /// <summary>Σ over the next label l of P(l), counting only the labels after which the error is within the limit.</summary>
    private static double BruteForceSettle(double[] posterior, double[] confusion, double limit)
    {
        var k = posterior.Length;
        var settle = 0.0;
        for (var l = 0; l < k; l++)
        {
            var joint = new double[k];
            for (var y = 0; y < k; y++)
            {
                joint[y] = posterior[y] * confusion[(y * k) + l];
            }

            var probability = joint.Sum();
            settle += 1 - (joint.Max() / probability) <= limit ? probability : 0;
        }

        return settle;
    }

    /// <summary>H(posterior) − Σ_l P(l) H(posterior | l).</summary>
    private static double BruteForceInformation(double[] posterior, double[] confusion)
    {
        var k = posterior.Length;
        var after = 0.0;
        for (var l = 0; l < k; l++)
        {
            var joint = new double[k];
            for (var y = 0; y < k; y++)
            {
                joint[y] = posterior[y] * confusion[(y * k) + l];
            }

            var probability = joint.Sum();
            after += probability * Entropy(joint.Select(j => j / probability).ToArray());
        }

        return Entropy(posterior) - after;
    }

    private static double Entropy(double[] p) => -p.Where(x => x > 0).Sum(x => x * Math.Log(x));

    /// <summary>Error of the original leader after <paramref name="n"/> answers agreeing with it.</summary>
    private static double ErrorAfterAgreeing(double[] log, double[] logConfusion, int n)
    {
        var k = log.Length;
        var leader = TaskEvidence.Leader(log);
        var current = log.ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var y = 0; y < k; y++)
            {
                current[y] += logConfusion[(y * k) + leader];
            }
        }

        var posterior = new double[k];
        TaskEvidence.Normalize(current, posterior);
        return 1 - posterior[leader];
    }
}
