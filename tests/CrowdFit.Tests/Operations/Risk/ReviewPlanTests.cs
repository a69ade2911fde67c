using CrowdFit.Answers;
using CrowdFit.Operations;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Operations.Risk;

public sealed class ReviewPlanTests
{
    // Majority labels and confidences: i1 a 1, i2 a 2/3, m1 a 1, m2 b 2/3, d1 a 1, n1 a 2/3 (n1 has no type).
    private static readonly (string Task, string Worker, string Label, string? Type)[] s_rows =
    [
        ("i1", "w1", "a", "img"), ("i1", "w2", "a", "img"), ("i1", "w3", "a", "img"),
        ("i2", "w1", "a", "img"), ("i2", "w2", "a", "img"), ("i2", "w3", "b", "img"),
        ("m1", "w1", "a", "mod"), ("m1", "w2", "a", "mod"), ("m1", "w3", "a", "mod"),
        ("m2", "w1", "a", "mod"), ("m2", "w2", "b", "mod"), ("m2", "w3", "b", "mod"),
        ("d1", "w1", "a", "med"), ("d1", "w2", "a", "med"), ("d1", "w3", "a", "med"),
        ("n1", "w1", "a", null), ("n1", "w2", "a", null), ("n1", "w3", "b", null),
    ];

    private static readonly RiskPolicy s_policy = RiskPolicy.Parse("""{ "task_types": { "med": "high", "mod": "medium" }, "default": "low" }""");

    [Fact]
    public void Analyze_TinyLog_ClassesMethodsAndSelectionWorkedByHand()
    {
        var (answers, context) = RiskLog.Build(s_rows);
        var options = RiskOptions.Default with { SpotShare = 1, EdgeSpotShare = 0 };

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context, s_policy, options: options);

        Assert.True(plan.ByTaskType);
        Assert.Equal(["img", "mod", "med", ReviewPlan.NoTypeName], plan.Types.Select(t => t.Name));
        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.High, RiskClass.Low], plan.Types.Select(t => t.Class));
        Assert.Equal([RiskClassSource.Default, RiskClassSource.Operator, RiskClassSource.Operator, RiskClassSource.Default], plan.Types.Select(t => t.Source));
        Assert.Equal(["i1", "i2", "m1", "m2", "d1", "n1"], plan.Tasks.Select(t => t.Task));
        Assert.Equal(
            [ReviewReason.SpotSample, ReviewReason.SpotSample, ReviewReason.NotSampled, ReviewReason.LowConfidence, ReviewReason.EveryTask, ReviewReason.SpotSample],
            plan.Tasks.Select(t => t.Reason));
        Assert.Equal([true, true, false, true, true, true], plan.Tasks.Select(t => t.Selected));
        Assert.Equal(
            [ReviewMethod.SpotCheck, ReviewMethod.SpotCheck, ReviewMethod.EdgeCaseReview, ReviewMethod.EdgeCaseReview, ReviewMethod.ExpertReview, ReviewMethod.SpotCheck],
            plan.Tasks.Select(t => t.Method));
        Assert.Equal("edge case: confidence 0.667 < 0.90", plan.Tasks[3].Text);
        Assert.Equal("expert review of every task; record the decision in the audit trail", plan.Tasks[4].Text);
        Assert.Equal(5, plan.Selected);
    }

    [Fact]
    public void Analyze_TinyLog_SummaryPerClassWorkedByHand()
    {
        var (answers, context) = RiskLog.Build(s_rows);
        var options = RiskOptions.Default with { SpotShare = 1, EdgeSpotShare = 0 };

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context, s_policy, options: options);

        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.High], plan.Classes.Select(c => c.Class));
        Assert.Equal([3, 2, 1], plan.Classes.Select(c => c.Tasks));
        Assert.Equal([3, 1, 1], plan.Classes.Select(c => c.Selected));
        Assert.Equal([0, 1, 0], plan.Classes.Select(c => c.EdgeCases));
        Assert.Equal([3, 0, 0], plan.Classes.Select(c => c.SpotSamples));
        Assert.Equal([1.0, 0.5, 1.0], plan.Classes.Select(c => c.ReviewLoad));
        Assert.Equal(["img", ReviewPlan.NoTypeName], plan.Classes[0].Types);
        Assert.True(plan.Classes[2].AuditTrail);
        Assert.False(plan.Classes[1].AuditTrail);
        Assert.Equal(
            ["low: none of the 3 tasks is gold (no gold given), so the spot check has no gold sampling; hide gold tasks among them"],
            plan.Notes);
    }

    [Fact]
    public void Analyze_SmallType_KeepsDefaultAndSaysWhy()
    {
        var (answers, context) = RiskLog.Build(s_rows);

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context, s_policy);

        var img = plan.Types[0];
        Assert.Equal(5.0 / 6, img.Agreement, 12);
        Assert.Equal(0.5, img.LowConfidenceShare);
        Assert.Equal("default low; agreement 83.3 %, 50.0 % of 2 tasks under confidence 0.90; too few tasks to infer a class (2 < 30)", img.Reason);
        Assert.False(img.DataSuggestsRaise);
    }

    [Fact]
    public void Analyze_ConfidentDisagreement_IsAnEdgeCaseUnlessTurnedOff()
    {
        var (answers, context) = RiskLog.Build(s_rows);
        var truth = new MajorityVote().Infer(answers);
        var options = RiskOptions.Default with { EdgeConfidence = 0.6, EdgeSpotShare = 0, EdgeOnDisagreement = true };

        var on = ReviewPlan.Analyze(answers, truth, context, s_policy, options: options);
        var off = ReviewPlan.Analyze(answers, truth, context, s_policy, options: options with { EdgeOnDisagreement = false });

        var m2 = on.Tasks[3];
        Assert.Equal((ReviewReason.Disagreement, true, 2, 3), (m2.Reason, m2.Selected, m2.DistinctLabels, m2.Answers));
        Assert.Equal("edge case: answers disagree (2 labels among 3 answers)", m2.Text);
        Assert.Equal((ReviewReason.NotSampled, false), (off.Tasks[3].Reason, off.Tasks[3].Selected));
    }

    [Fact]
    public void Analyze_GoldTasks_CheckedByGoldExceptUnderExpertReview()
    {
        var (answers, context) = RiskLog.Build(s_rows);
        var gold = GoldLabels.FromPairs(answers, [("i1", "a"), ("m2", "b"), ("d1", "a")]);
        var options = RiskOptions.Default with { SpotShare = 1 };

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers, gold), context, s_policy, gold, options);

        Assert.Equal((ReviewReason.Gold, false, true), (plan.Tasks[0].Reason, plan.Tasks[0].Selected, plan.Tasks[0].Gold));
        Assert.Equal((ReviewReason.Gold, false), (plan.Tasks[3].Reason, plan.Tasks[3].Selected));
        Assert.Equal((ReviewReason.EveryTask, true), (plan.Tasks[4].Reason, plan.Tasks[4].Selected));
        Assert.Equal([1, 1, 1], plan.Classes.Select(c => c.GoldTasks));
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Analyze_DefaultSpotShare_PicksExactlyTheTasksWhoseDrawIsUnderIt()
    {
        var (answers, context) = RiskLog.Build(RiskLog.Type("img", 200, 0).ToArray());

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context);

        Assert.All(plan.Tasks, t => Assert.Equal(ReviewPlan.Draw(t.Task, 0) < 0.10, t.Selected));
        Assert.All(plan.Tasks.Where(t => !t.Selected), t => Assert.Equal(ReviewReason.NotSampled, t.Reason));
        Assert.Contains(plan.Tasks, t => t.Selected);
        var spot = plan.Tasks.First(t => t.Selected);
        Assert.Equal($"spot sample: draw {spot.Draw:F4} < share 0.1000", spot.Text);
    }

    [Fact]
    public void Draw_KnownIds_MatchTheValuesComputedOutsideDotNet()
    {
        // FNV-1a 64 over UTF-8, seed mixed into the offset basis, SplitMix64 finalizer; computed independently in Python.
        Assert.Equal(0.037763656326978534, ReviewPlan.Draw("t1", 0));
        Assert.Equal(0.09442577304054733, ReviewPlan.Draw("task-00042", 0));
        Assert.Equal(0.7862831115708737, ReviewPlan.Draw("t1", 7));
        Assert.Equal(0.4363095927577394, ReviewPlan.Draw("é-ü", -3));
        Assert.Equal(ReviewPlan.Draw(new string('x', 1000), 0), ReviewPlan.Draw(new string('x', 1000), 0));
    }

    [Theory]
    [InlineData(0.10, 0)]
    [InlineData(0.10, 1)]
    [InlineData(0.30, 0)]
    [InlineData(0.02, 5)]
    public void Analyze_TenThousandTasks_SpotShareWithinFourSigma(double share, int seed)
    {
        var answers = Singles(10_000);

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), null, options: RiskOptions.Default with { SpotShare = share, Seed = seed });

        // Four binomial standard deviations: a uniform draw misses this once in about 16,000 samples.
        var expected = share * 10_000;
        var sigma = Math.Sqrt(10_000 * share * (1 - share));
        Assert.InRange(plan.Selected, expected - (4 * sigma), expected + (4 * sigma));
        Assert.Equal(plan.Selected, plan.Classes[0].SpotSamples);
    }

    [Fact]
    public void Draw_TenThousandTasksOverTwentySeeds_MeanShareAndSpreadAreBinomial()
    {
        var ids = Enumerable.Range(0, 10_000).Select(t => $"task-{t:D5}").ToArray();

        var counts = Enumerable.Range(0, 20).Select(seed => (double)ids.Count(id => ReviewPlan.Draw(id, seed) < 0.10)).ToArray();

        // Binomial: mean 1,000, standard deviation 30; the mean of 20 seeds has a standard deviation of 6.7.
        var mean = counts.Average();
        var sd = Math.Sqrt(counts.Sum(c => (c - mean) * (c - mean)) / (counts.Length - 1));
        Assert.InRange(mean, 1000 - 27, 1000 + 27);
        Assert.InRange(sd, 15, 50);
    }

    [Fact]
    public void Analyze_SubsetOfTheLog_PicksTheSameTasks()
    {
        var all = Singles(10_000);
        var part = Singles(2_000);

        var full = ReviewPlan.Analyze(all, new MajorityVote().Infer(all), null);
        var small = ReviewPlan.Analyze(part, new MajorityVote().Infer(part), null);

        Assert.Equal(full.Tasks.Take(2_000).Select(t => t.Selected), small.Tasks.Select(t => t.Selected));
    }

    [Fact]
    public void Analyze_AnotherSeed_DrawsAnIndependentSample()
    {
        var answers = Singles(10_000);
        var truth = new MajorityVote().Infer(answers);

        var a = ReviewPlan.Analyze(answers, truth, null);
        var b = ReviewPlan.Analyze(answers, truth, null, options: RiskOptions.Default with { Seed = 1 });

        // Independent 10 % samples share about 1 % of the tasks: 100, with a standard deviation near 10.
        var both = a.Tasks.Zip(b.Tasks).Count(p => p.First.Selected && p.Second.Selected);
        Assert.InRange(both, 60, 140);
    }

    [Fact]
    public void Analyze_LowAgreementType_RaisedToMediumWithTheMeasuredNumbers()
    {
        var rows = RiskLog.Type("easy", 40, 0).Concat(RiskLog.Type("hard", 40, 40)).Concat(RiskLog.Type("mid", 40, 8)).Concat(RiskLog.Type("edgy", 40, 11)).ToArray();
        var (answers, context) = RiskLog.Build(rows);

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context);

        Assert.Equal(["easy", "hard", "mid", "edgy"], plan.Types.Select(t => t.Name));
        Assert.Equal([RiskClass.Low, RiskClass.Medium, RiskClass.Low, RiskClass.Medium], plan.Types.Select(t => t.Class));
        Assert.Equal([RiskClassSource.Default, RiskClassSource.Inferred, RiskClassSource.Default, RiskClassSource.Inferred], plan.Types.Select(t => t.Source));
        Assert.Equal(
            "raised from low to medium: agreement 66.7 % < 80.0 % and 100.0 % of tasks under confidence 0.90 > 25.0 %; agreement 66.7 %, 100.0 % of 40 tasks under confidence 0.90",
            plan.Types[1].Reason);
        Assert.Equal(
            "raised from low to medium: 27.5 % of tasks under confidence 0.90 > 25.0 %; agreement 90.8 %, 27.5 % of 40 tasks under confidence 0.90",
            plan.Types[3].Reason);
        Assert.Equal("default low; agreement 93.3 %, 20.0 % of 40 tasks under confidence 0.90", plan.Types[2].Reason);
        Assert.All(plan.Tasks.Where(t => t.TaskType == "hard"), t => Assert.Equal((ReviewMethod.EdgeCaseReview, ReviewReason.LowConfidence), (t.Method, t.Reason)));
    }

    [Fact]
    public void Analyze_OperatorClasses_NeverLoweredByTheData()
    {
        var rows = RiskLog.Type("easy", 40, 0).Concat(RiskLog.Type("hard", 40, 40)).Concat(RiskLog.Type("other", 40, 0)).ToArray();
        var (answers, context) = RiskLog.Build(rows);
        var policy = RiskPolicy.Parse("""{ "task_types": { "easy": "high", "hard": "low" }, "default": "medium" }""");

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), context, policy);

        Assert.Equal([RiskClass.High, RiskClass.Low, RiskClass.Medium], plan.Types.Select(t => t.Class));
        Assert.Equal([RiskClassSource.Operator, RiskClassSource.Operator, RiskClassSource.Default], plan.Types.Select(t => t.Source));
        Assert.All(plan.Types, t => Assert.True(t.Class >= (t.OperatorClass ?? policy.Default)));
        Assert.True(plan.Types[1].DataSuggestsRaise);
        Assert.EndsWith("; the data alone would raise it to medium (agreement 66.7 % < 80.0 % and 100.0 % of tasks under confidence 0.90 > 25.0 %)", plan.Types[1].Reason, StringComparison.Ordinal);
        Assert.Contains(plan.Notes, n => n.StartsWith("hard: set low by the operator;", StringComparison.Ordinal));
        Assert.All(plan.Tasks.Where(t => t.TaskType == "easy"), t => Assert.Equal(ReviewReason.EveryTask, t.Reason));
    }

    [Fact]
    public void Analyze_NoContext_OneClassForAllAndSaysSo()
    {
        var (answers, _) = RiskLog.Build(s_rows);
        var policy = RiskPolicy.Parse("""{ "task_types": { "med": "high" }, "default": "medium" }""");

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), null, policy);

        Assert.False(plan.ByTaskType);
        Assert.Equal("there is no context: one class for all tasks", plan.TypesSkippedBecause);
        var type = Assert.Single(plan.Types);
        Assert.Equal((ReviewPlan.AllTypesName, RiskClass.Medium, 6), (type.Name, type.Class, type.Tasks));
        Assert.All(plan.Tasks, t => Assert.Equal(RiskClass.Medium, t.Class));
        Assert.Equal(["med"], plan.UnusedPolicyTypes);
        Assert.Contains("the policy names task types no task has: med", plan.Notes);
    }

    [Fact]
    public void Analyze_ContextWithoutTaskTypes_OneClassForAllAndSaysSo()
    {
        var (answers, _) = RiskLog.Build(s_rows);

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), new AnswerContext(s_rows.Length));

        Assert.Equal("the log has no task_type column: one class for all tasks", plan.TypesSkippedBecause);
        Assert.Equal([ReviewPlan.AllTypesName], plan.Types.Select(t => t.Name));
        Assert.Equal(6, plan.Classes[0].Tasks);
    }

    [Fact]
    public void Analyze_TaskWithoutAnswers_LeftOutAndCounted()
    {
        var answers = AnswerSet.FromColumns(["t1", "t2"], ["w1"], ["a"], [0], [0], [0]);

        var plan = ReviewPlan.Analyze(answers, new MajorityVote().Infer(answers), null);

        Assert.Equal(["t1"], plan.Tasks.Select(t => t.Task));
        Assert.Equal(1, plan.UnansweredTasks);
    }

    [Fact]
    public void Analyze_TwoRuns_IdenticalPlans()
    {
        var rows = RiskLog.Type("easy", 40, 3).Concat(RiskLog.Type("hard", 40, 40)).ToArray();
        var (answers, context) = RiskLog.Build(rows);
        var truth = new DawidSkene().Infer(answers);

        var first = ReviewPlan.Analyze(answers, truth, context);
        var second = ReviewPlan.Analyze(answers, truth, context);

        Assert.Equal(first.Tasks, second.Tasks);
        Assert.Equal(first.Types, second.Types);
        Assert.Equal(first.Classes.Select(c => (c.Tasks, c.Selected)), second.Classes.Select(c => (c.Tasks, c.Selected)));
    }

    [Fact]
    public void Analyze_BadArguments_Throw()
    {
        var (answers, context) = RiskLog.Build(s_rows);
        var truth = new MajorityVote().Infer(answers);
        var other = AnswerSet.FromTriples([("x", "w", "a")]);

        Assert.Throws<ArgumentException>(() => ReviewPlan.Analyze(answers, truth, context, options: RiskOptions.Default with { SpotShare = 2 }));
        Assert.Throws<ArgumentException>(() => ReviewPlan.Analyze(answers, new MajorityVote().Infer(other), context));
        Assert.Throws<ArgumentException>(() => ReviewPlan.Analyze(answers, truth, new AnswerContext(2, taskType: new CategoricalColumn(["img"], [0, 0]))));
        Assert.Throws<ArgumentNullException>(() => ReviewPlan.Analyze(null!, truth, context));
    }

    private static AnswerSet Singles(int tasks) =>
        AnswerSet.FromTriples(Enumerable.Range(0, tasks).Select(t => ($"task-{t:D5}", "w1", "a")));
}
