using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class EbccAgreementTests
{
    [Fact]
    public void ExcessZ_OnePairByHand_MatchesLeavePairOutPrediction()
    {
        // Two workers of accuracy 0.8 both answer "a". Their posterior under a uniform prior is
        // (0.64, 0.04) / 0.68; dividing their answers out leaves (0.5, 0.5), so the predicted chance that they
        // agree is e = 0.5 · (0.64 + 0.04) · 2 = 0.68 and z = (1 − e) / √(e(1 − e)).
        var answers = AnswerSet.FromTriples([("t", "w1", "a"), ("t", "w2", "a")], ["b"]);
        double[] posterior = [0.64 / 0.68, 0.04 / 0.68];
        double[] confusion = [0.8, 0.2, 0.2, 0.8, 0.8, 0.2, 0.2, 0.8];

        var z = PairAgreement.ExcessZ(answers, posterior, confusion);

        Assert.Equal(0.32 / Math.Sqrt(0.68 * 0.32), z, 12);
    }

    [Fact]
    public void ExcessZ_SameWorkerTwiceOrOneAnswer_IsZero()
    {
        var answers = AnswerSet.FromTriples([("t", "w1", "a"), ("t", "w1", "a"), ("u", "w2", "b")]);
        double[] posterior = [0.9, 0.1, 0.2, 0.8];
        double[] confusion = [0.8, 0.2, 0.2, 0.8, 0.8, 0.2, 0.2, 0.8];

        Assert.Equal(0.0, PairAgreement.ExcessZ(answers, posterior, confusion));
    }

    [Fact]
    public void ExcessZ_IndependentCrowdUnderIbccFit_IsSmall()
    {
        var crowd = KnownCrowd.Generate(tasks: 3000, workers: 30, classes: 3, perTask: 5, spammers: 3, seed: 11);

        var z = ExcessUnderIbcc(crowd.Answers);

        Assert.InRange(z, -3, 3);
    }

    [Fact]
    public void ExcessZ_SharedErrors_IsLarge()
    {
        var (answers, _) = SharedErrorCrowd(seed: 2);

        var z = ExcessUnderIbcc(answers);

        Assert.True(z > 4, $"z = {z}");
    }

    [Fact]
    public void Infer_IndependentCrowd_ReturnsTheOneSubtypeFit()
    {
        var crowd = KnownCrowd.Generate(tasks: 2000, workers: 25, classes: 3, perTask: 5, spammers: 2, seed: 4);

        var checkedFit = new Ebcc().Infer(crowd.Answers);
        var oneSubtype = new Ebcc(new EbccOptions { SubtypeCount = 1 }).Infer(crowd.Answers);
        var ibcc = new Ibcc(new IbccOptions { Tolerance = 1e-7, MaxIterations = 500 }).Infer(crowd.Answers);

        Assert.Equal(oneSubtype.Posteriors.ToArray(), checkedFit.Posteriors.ToArray());
        Assert.Equal(oneSubtype.Iterations, checkedFit.Iterations);
        for (var i = 0; i < ibcc.Posteriors.Length; i++)
        {
            Assert.Equal(ibcc.Posteriors[i], checkedFit.Posteriors[i], 6);
        }
    }

    [Fact]
    public void Infer_IndependentCrowdWithSubtypesForced_GivesTheSameLabels()
    {
        var crowd = KnownCrowd.Generate(tasks: 1000, workers: 20, classes: 3, perTask: 5, spammers: 2, seed: 6);

        var checkedFit = new Ebcc().Infer(crowd.Answers);
        var forced = new Ebcc(new EbccOptions { ExcessAgreementThreshold = double.NegativeInfinity }).Infer(crowd.Answers);

        var same = Enumerable.Range(0, crowd.Answers.TaskCount).Count(t => checkedFit.Label(t) == forced.Label(t));
        Assert.True(same >= 0.995 * crowd.Answers.TaskCount, $"{same} of {crowd.Answers.TaskCount} labels agree");
    }

    [Fact]
    public void Infer_SharedErrors_FitsSubtypesAndBeatsIbcc()
    {
        var (answers, truth) = SharedErrorCrowd(seed: 3);

        var ebcc = new Ebcc().Infer(answers);
        var withoutSubtypes = new Ebcc(new EbccOptions { ExcessAgreementThreshold = double.PositiveInfinity }).Infer(answers);
        var ibcc = new Ibcc().Infer(answers);

        Assert.NotEqual(withoutSubtypes.Posteriors.ToArray(), ebcc.Posteriors.ToArray());
        Assert.True(Accuracy(ebcc, truth) > Accuracy(ibcc, truth) + 0.02, $"ebcc {Accuracy(ebcc, truth)}, ibcc {Accuracy(ibcc, truth)}, without subtypes {Accuracy(withoutSubtypes, truth)}");
    }

    [Fact]
    public void Constructor_NaNThreshold_IsReported()
    {
        var error = Assert.Throws<ArgumentException>(() => new Ebcc(new EbccOptions { ExcessAgreementThreshold = double.NaN }));

        Assert.Contains("ExcessAgreementThreshold", error.Message, StringComparison.Ordinal);
    }

    private static double ExcessUnderIbcc(AnswerSet answers)
    {
        var fit = new Ibcc().Infer(answers);
        var k = answers.ClassCount;
        var confusion = new double[answers.WorkerCount * k * k];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            fit.Workers[w].Confusion.Span.CopyTo(confusion.AsSpan(w * k * k, k * k));
        }

        return PairAgreement.ExcessZ(answers, fit.Posteriors, confusion);
    }

    private static double Accuracy(TruthResult result, int[] truth) =>
        (double)Enumerable.Range(0, truth.Length).Count(t => result.Label(t) == truth[t]) / truth.Length;

    /// <summary>
    /// Two classes; every task gets 5 answers from 30 independent workers of accuracy 0.7–0.9, and half the tasks
    /// also get 3 answers from a ring of 6 workers who copy one shared answer per task, right with probability 0.65:
    /// their errors are the same error, seen three times.
    /// </summary>
    private static (AnswerSet Answers, int[] Truth) SharedErrorCrowd(int seed)
    {
        const int Tasks = 1500;
        const int Workers = 30;
        const int Ring = 6;
        var random = new Random(seed);
        var accuracy = Enumerable.Range(0, Workers).Select(_ => 0.7 + (0.2 * random.NextDouble())).ToArray();
        var truth = new int[Tasks];
        var rows = new List<(string, string, string)>();
        for (var t = 0; t < Tasks; t++)
        {
            truth[t] = random.Next(2);
            var chosen = new HashSet<int>();
            while (chosen.Count < 5)
            {
                chosen.Add(random.Next(Workers));
            }

            foreach (var w in chosen.Order())
            {
                var label = random.NextDouble() < accuracy[w] ? truth[t] : 1 - truth[t];
                rows.Add(($"t{t}", $"w{w}", label.ToString(CultureInfo.InvariantCulture)));
            }

            if (random.NextDouble() < 0.5)
            {
                var shared = random.NextDouble() < 0.65 ? truth[t] : 1 - truth[t];
                var ring = new HashSet<int>();
                while (ring.Count < 3)
                {
                    ring.Add(random.Next(Ring));
                }

                foreach (var r in ring.Order())
                {
                    rows.Add(($"t{t}", $"r{r}", shared.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }

        var answers = AnswerSet.FromTriples(rows);
        var byIndex = new int[Tasks];
        for (var t = 0; t < Tasks; t++)
        {
            byIndex[answers.FindTask($"t{t}")] = truth[t];
        }

        return (answers, byIndex);
    }
}
