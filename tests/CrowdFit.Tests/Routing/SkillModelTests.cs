using CrowdFit.Numerics;
using CrowdFit.Routing;

namespace CrowdFit.Tests.Routing;

public sealed class SkillModelTests
{
    [Fact]
    public void Fit_OneType_PosteriorWorkedByHand()
    {
        var evidence = new SkillEvidence(2, 1);
        AddAnswers(evidence, worker: 0, right: 8, wrong: 2);
        AddAnswers(evidence, worker: 1, right: 4, wrong: 6);

        var model = SkillModel.Fit(evidence);
        var skill = model.Predict(0, 0);

        // m = (12 + 4·0.7) / (20 + 4); posterior Beta(4m + 8, 4(1 − m) + 2).
        var m = 14.8 / 24;
        var (alpha, beta) = ((4 * m) + 8, (4 * (1 - m)) + 2);
        Assert.Equal(m, model.CrowdMean(0), 12);
        Assert.Equal(alpha / (alpha + beta), skill.Mean, 12);
        Assert.Equal(0.025, SpecialFunctions.IncompleteBeta(alpha, beta, skill.Low), 9);
        Assert.Equal(0.975, SpecialFunctions.IncompleteBeta(alpha, beta, skill.High), 9);
        Assert.Equal(10, skill.Evidence);
        Assert.Equal(1, model.Similarity(0, 0));
    }

    [Fact]
    public void Fit_PlentifulEvidence_RecoversAccuracies()
    {
        var population = new SkillPopulation(200, seed: 1);

        var model = SkillModel.Fit(population.Evidence(answers: 400, seed: 2));

        double worst = 0, total = 0;
        for (var w = 0; w < population.Workers; w++)
        {
            for (var t = 0; t < SkillPopulation.Types; t++)
            {
                var error = Math.Abs(model.Predict(w, t).Mean - population.Accuracy(w, t));
                worst = Math.Max(worst, error);
                total += error;
            }
        }

        // 400 answers leave a binomial standard error of at most 0.025; the worst of 600 cells stays within 4 of them.
        var meanError = total / (population.Workers * SkillPopulation.Types);
        Assert.True(meanError < 0.02, $"mean absolute error {meanError:0.0000}");
        Assert.True(worst < 0.1, $"largest error {worst:0.0000}");
        Assert.Equal(0.75, model.CrowdMean(0), 0.02);
        Assert.Equal(0.10, model.AccuracySpread(0), 0.02);
    }

    [Fact]
    public void Similarity_CorrelatedPair_ClearlyAboveUnrelatedType()
    {
        var population = new SkillPopulation(300, seed: 3);

        var model = SkillModel.Fit(population.Evidence(answers: 60, seed: 4));

        var related = model.Similarity(0, 1);
        var unrelated = Math.Max(Math.Abs(model.Similarity(0, 2)), Math.Abs(model.Similarity(1, 2)));
        Assert.True(related > 0.6, $"similarity of the related pair {related:0.000}");
        Assert.True(unrelated < 0.25, $"similarity with the unrelated type {unrelated:0.000}");
        Assert.Equal(model.Similarity(0, 1), model.Similarity(1, 0));
        Assert.Equal(1, model.Similarity(2, 2));
    }

    [Fact]
    public void Predict_EvidenceOnlyOnSimilarType_MovesTowardThatStanding()
    {
        var population = new SkillPopulation(300, seed: 5);
        var evidence = population.Evidence(answers: 60, seed: 6, extraWorkers: 2);
        var (strong, weak) = (population.Workers, population.Workers + 1);
        var random = new Random(7);
        SkillPopulation.Answer(evidence, random, strong, 0, 0.95, 300);
        SkillPopulation.Answer(evidence, random, weak, 0, 0.50, 300);

        var model = SkillModel.Fit(evidence);

        var shiftUp = model.Predict(strong, 1).Mean - model.CrowdMean(1);
        var shiftDown = model.CrowdMean(1) - model.Predict(weak, 1).Mean;
        Assert.True(shiftUp > 0.08, $"strong worker moved by {shiftUp:0.000} on the similar type");
        Assert.True(shiftDown > 0.08, $"weak worker moved by {shiftDown:0.000} on the similar type");
        Assert.Equal(0, model.Predict(strong, 1).Evidence);
        var unrelated = Math.Abs(model.Predict(strong, 2).Mean - model.CrowdMean(2));
        Assert.True(unrelated < 0.25 * shiftUp, $"strong worker moved by {unrelated:0.000} on the unrelated type");
    }

    [Fact]
    public void Predict_MoreEvidence_NarrowerInterval()
    {
        var population = new SkillPopulation(100, seed: 8);
        var evidence = population.Evidence(answers: 20, seed: 9, extraWorkers: 1);
        var newcomer = population.Workers;
        var random = new Random(10);
        var widths = new List<double>();

        foreach (var answers in new[] { 0, 10, 40, 160 })
        {
            var before = evidence.Answers(newcomer, 2);
            SkillPopulation.Answer(evidence, random, newcomer, 2, 0.8, answers - (int)before);
            var skill = SkillModel.Fit(evidence).Predict(newcomer, 2);
            Assert.InRange(0.8, skill.Low - 0.1, skill.High + 0.1);
            widths.Add(skill.High - skill.Low);
        }

        Assert.True(widths[0] > widths[1] && widths[1] > widths[2] && widths[2] > widths[3], string.Join(", ", widths));
    }

    [Fact]
    public void Predict_ManyWorkers_IntervalsCoverTruthAtAboutTheStatedRate()
    {
        var population = new SkillPopulation(400, seed: 11);

        var model = SkillModel.Fit(population.Evidence(answers: 40, seed: 12));

        var covered = 0;
        for (var w = 0; w < population.Workers; w++)
        {
            for (var t = 0; t < SkillPopulation.Types; t++)
            {
                var skill = model.Predict(w, t);
                covered += skill.Low <= population.Accuracy(w, t) && population.Accuracy(w, t) <= skill.High ? 1 : 0;
            }
        }

        var rate = covered / (double)(population.Workers * SkillPopulation.Types);
        Assert.InRange(rate, 0.92, 0.98);
    }

    [Fact]
    public void Predict_GoldWeightedEvidence_CountsMore()
    {
        var evidence = new SkillEvidence(3, 1);
        AddAnswers(evidence, worker: 0, right: 30, wrong: 30);
        AddAnswers(evidence, worker: 1, right: 10, wrong: 0);
        AddAnswers(evidence, worker: 2, right: 10, wrong: 0, weight: 3);

        var model = SkillModel.Fit(evidence);
        var (plain, gold) = (model.Predict(1, 0), model.Predict(2, 0));

        Assert.Equal(10, plain.Evidence);
        Assert.Equal(30, gold.Evidence);
        Assert.True(gold.Mean > plain.Mean);
        Assert.True(gold.High - gold.Low < plain.High - plain.Low);
    }

    [Fact]
    public void Predict_UnseenWorker_GetsTheCrowdMean()
    {
        var population = new SkillPopulation(50, seed: 13);
        var model = SkillModel.Fit(population.Evidence(answers: 20, seed: 14, extraWorkers: 1));

        for (var t = 0; t < SkillPopulation.Types; t++)
        {
            var idle = model.Predict(population.Workers, t);
            var joinedLater = model.Predict(population.Workers + 5, t);

            Assert.Equal(model.CrowdMean(t), idle.Mean, 12);
            Assert.Equal(0, idle.Evidence);
            Assert.Equal(idle, joinedLater);
            Assert.True(idle.Low < idle.Mean && idle.Mean < idle.High);
        }
    }

    [Fact]
    public void Fit_NoEvidence_DefaultAccuracyAndNoSimilarity()
    {
        var model = SkillModel.Fit(new SkillEvidence(3, 2), SkillModelOptions.Default with { DefaultAccuracy = 0.6 });

        Assert.Equal(0.6, model.CrowdMean(1), 12);
        Assert.Equal(0.6, model.Predict(2, 0).Mean, 12);
        Assert.Equal(0, model.Similarity(0, 1));
        Assert.Equal(0, model.AccuracySpread(0));
    }

    [Fact]
    public void Fit_SameEvidenceTwice_IdenticalPredictions()
    {
        var population = new SkillPopulation(60, seed: 15);
        var evidence = population.Evidence(answers: 15, seed: 16);

        var (first, second) = (SkillModel.Fit(evidence), SkillModel.Fit(evidence));

        for (var w = 0; w < population.Workers; w++)
        {
            for (var t = 0; t < SkillPopulation.Types; t++)
            {
                Assert.Equal(first.Predict(w, t), second.Predict(w, t));
                Assert.Equal(first.Similarity(w % 3, t), second.Similarity(w % 3, t));
            }
        }
    }

    [Fact]
    public void Predict_AfterWarmUp_DoesNotAllocate()
    {
        var model = SkillModel.Fit(new SkillPopulation(20, seed: 17).Evidence(answers: 5, seed: 18));
        var sum = model.Predict(0, 0).Mean;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            sum += model.Predict(i % 25, i % 3).Mean;
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    [Fact]
    public void Predict_OutOfRange_Throws()
    {
        var model = SkillModel.Fit(new SkillEvidence(2, 2));

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(-1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Predict(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Similarity(0, -1));
    }

    [Fact]
    public void Add_BadArguments_Throw()
    {
        var evidence = new SkillEvidence(2, 2);

        Assert.Throws<ArgumentOutOfRangeException>(() => evidence.Add(2, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => evidence.Add(0, -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => evidence.Add(0, 0, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => evidence.Add(0, 0, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => evidence.Add(0, 0, 1, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SkillEvidence(1, 0));
        Assert.Equal(0, evidence.Answers(0, 0));
    }

    [Fact]
    public void Add_SoftAnswers_SumWeightedProbabilities()
    {
        var evidence = new SkillEvidence(1, 2);

        evidence.Add(0, 1, 0.9);
        evidence.Add(0, 1, 0.25, weight: 2);

        Assert.Equal(3, evidence.Answers(0, 1));
        Assert.Equal(1.4, evidence.RightAnswers(0, 1), 12);
        Assert.Equal(0, evidence.Answers(0, 0));
    }

    [Fact]
    public void Problems_BadSettings_AllListedAndFitThrows()
    {
        var options = new SkillModelOptions
        {
            PriorStrength = 0,
            DefaultAccuracy = 1,
            IntervalMass = double.NaN,
            OverlapEvidence = -1,
            SimilarityShrinkage = double.PositiveInfinity,
        };

        var problems = options.Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("PriorStrength", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("IntervalMass", StringComparison.Ordinal));
        Assert.Empty(SkillModelOptions.Default.Problems());
        var error = Assert.Throws<ArgumentException>(() => SkillModel.Fit(new SkillEvidence(1, 1), options));
        Assert.Contains("DefaultAccuracy must be in (0, 1); got 1.", error.Message, StringComparison.Ordinal);
    }

    private static void AddAnswers(SkillEvidence evidence, int worker, int right, int wrong, double weight = 1)
    {
        for (var i = 0; i < right; i++)
        {
            evidence.Add(worker, 0, 1, weight);
        }

        for (var i = 0; i < wrong; i++)
        {
            evidence.Add(worker, 0, 0, weight);
        }
    }
}
