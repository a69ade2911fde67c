using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class GladTests
{
    [Fact]
    public void Infer_OneIterationTwoAgainstOne_PosteriorIsSigmoidOfE()
    {
        // At the start α = β = 1, so every answer is right with σ(e); two votes against one leave log-odds e.
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t1", "c", "y")]);

        var result = new Glad(new GladOptions { MaxIterations = 1 }).Infer(answers);

        Assert.Equal(1 / (1 + Math.Exp(-Math.E)), result.Posterior(0)[answers.FindLabel("x")], 12);
    }

    [Fact]
    public void Infer_OneIterationThreeClasses_WrongMassSplitsOverOtherClasses()
    {
        // Against an unchosen class each answer weighs (1 − σ)/2, against the other answered class 1 − σ.
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "y")], ["z"]);
        var right = 1 / (1 + Math.Exp(-Math.E));
        var chosen = right * (1 - right) / 2;
        var other = (1 - right) / 2 * ((1 - right) / 2);

        var result = new Glad(new GladOptions { MaxIterations = 1 }).Infer(answers);

        Assert.Equal(chosen / ((2 * chosen) + other), result.Posterior(0)[answers.FindLabel("x")], 12);
        Assert.Equal(other / ((2 * chosen) + other), result.Posterior(0)[answers.FindLabel("z")], 12);
    }

    [Fact]
    public void Fit_OneIterationOnDuckData_TakesCrowdKitSteps()
    {
        // α and β after one EM iteration of Crowd-Kit 1.4.1's GLAD (SciPy 1.10.1) on the same answers.
        var answers = ReferenceData.Answers("zheng_d_duck");

        var fit = new Glad(new GladOptions { MaxIterations = 1 }).Fit(answers);

        Assert.Equal(-0.2160099855081414, fit.Alphas.Span[answers.FindWorker("896")], 1e-8);
        Assert.Equal(0.0395066341448745, fit.Alphas.Span[answers.FindWorker("866")], 1e-8);
        Assert.Equal(1.1899997441408046, fit.Alphas.Span[answers.FindWorker("39")], 1e-8);
        Assert.Equal(0.8391590421505936, fit.Betas.Span[answers.FindTask("36618")], 1e-8);
        Assert.Equal(-0.5014211380409451, fit.Betas.Span[answers.FindTask("11619")], 1e-8);
        Assert.Equal(1.8721520145825459, fit.Betas.Span[answers.FindTask("36620")], 1e-8);
    }

    [Fact]
    public void NegativeObjective_RandomPoint_GradientMatchesFiniteDifferences()
    {
        var answers = SyntheticCrowd.Generate(seed: 3, tasks: 40, workers: 8, perTask: 4).Answers;
        var random = new Random(17);
        var k = answers.ClassCount;
        var posterior = new double[answers.TaskCount * k];
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var row = posterior.AsSpan(t * k, k);
            for (var c = 0; c < k; c++)
            {
                row[c] = random.NextDouble();
            }

            var sum = row[0] + row[1] + row[2];
            for (var c = 0; c < k; c++)
            {
                row[c] /= sum;
            }
        }

        var x = new double[answers.WorkerCount + answers.TaskCount];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (random.NextDouble() * 4) - 2;
        }

        var glad = new Glad();
        var gradient = new double[x.Length];
        var scratch = new double[x.Length];

        glad.NegativeObjective(answers, posterior, x, gradient);

        const double H = 1e-6;
        for (var i = 0; i < x.Length; i++)
        {
            var keep = x[i];
            x[i] = keep + H;
            var up = glad.NegativeObjective(answers, posterior, x, scratch);
            x[i] = keep - H;
            var down = glad.NegativeObjective(answers, posterior, x, scratch);
            x[i] = keep;
            Assert.Equal((up - down) / (2 * H), gradient[i], 1e-5);
        }
    }

    [Fact]
    public void Infer_GoldTask_IsClamped()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t2", "a", "y"), ("t2", "b", "x")]);
        var gold = GoldLabels.FromPairs(answers, [("t1", "y")]);

        var result = new Glad().Infer(answers, gold);

        Assert.Equal(1.0, result.Posterior(answers.FindTask("t1"))[answers.FindLabel("y")]);
    }

    [Fact]
    public void Fit_SyntheticCrowd_RecoversLabelsAndRanksWorkers()
    {
        var crowd = SyntheticCrowd.Generate(seed: 23);

        var fit = new Glad().Fit(crowd.Answers);

        Assert.True(crowd.LabelAccuracy(fit.Truth) >= 0.97, $"label accuracy {crowd.LabelAccuracy(fit.Truth)}");
        for (var w = 0; w < crowd.Accuracy.Length; w++)
        {
            var estimate = fit.Truth.Workers[w].Accuracy;
            Assert.True(Math.Abs(estimate - crowd.Accuracy[w]) <= 0.03, $"worker {w}: estimate {estimate}, accuracy {crowd.Accuracy[w]}");
        }

        Assert.True(RankCorrelation(fit.Alphas.ToArray(), crowd.Accuracy) >= 0.9);
    }

    [Fact]
    public void Infer_TwoRuns_IdenticalPosteriors()
    {
        var crowd = SyntheticCrowd.Generate(seed: 5, tasks: 500);

        var first = new Glad().Infer(crowd.Answers);
        var second = new Glad().Infer(crowd.Answers);

        Assert.Equal(first.Posteriors.ToArray(), second.Posteriors.ToArray());
    }

    [Fact]
    public void Constructor_SeveralBadOptions_ReportsAllTogether()
    {
        var options = new GladOptions { MaxIterations = 0, GradientTolerance = -1, AbilityPriorMean = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => new Glad(options));

        Assert.Contains("MaxIterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("GradientTolerance", error.Message, StringComparison.Ordinal);
        Assert.Contains("AbilityPriorMean", error.Message, StringComparison.Ordinal);
    }

    private static double RankCorrelation(double[] a, double[] b)
    {
        var ra = Ranks(a);
        var rb = Ranks(b);
        var n = a.Length;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }

        return 1 - (6 * sum / (n * ((n * n) - 1.0)));
    }

    private static double[] Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        for (var r = 0; r < order.Length; r++)
        {
            ranks[order[r]] = r;
        }

        return ranks;
    }
}
