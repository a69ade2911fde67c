using CrowdFit.Live;
using CrowdFit.Quality;
using CrowdFit.Routing;

namespace CrowdFit.Tests.Live;

public sealed class LiveProjectRoutingTests
{
    private static readonly LiveProjectOptions s_options = new()
    {
        Labels = ["cat", "dog"],
        Detectors = false,
        RefitEvery = 1_000_000,
        Quality = new AqlOptions { Aql = 0.02, MaxAnswers = 5 },
    };

    [Fact]
    public void Rank_GoodAndPoorWorkerKnownFromGold_GoodFirst()
    {
        var project = new LiveProject(s_options);
        LiveProjectTests.Train(project, 40, ("good", 0), ("poor", 2));
        project.AddTask("t1");

        var ranked = project.Rank("t1", ["poor", "good"]);

        Assert.Equal(["good", "poor"], ranked.Select(r => r.Worker));
        Assert.True(ranked[0].Accuracy > 0.9, $"good accuracy {ranked[0].Accuracy}");
        Assert.True(ranked[1].Accuracy < 0.6, $"poor accuracy {ranked[1].Accuracy}");
        Assert.True(ranked[0].AccuracyLow < ranked[0].Accuracy);
        Assert.All(ranked, r => Assert.Null(r.Ineligible));
        Assert.All(ranked, r => Assert.Equal(0.8, r.AcceptRate, 12));
        Assert.True(ranked[0].Score > ranked[1].Score);
        Assert.True(ranked[1].Score > 0);
    }

    [Fact]
    public void Rank_AlreadyAnsweredAndRequirements_IneligibleLastWithReason()
    {
        var requirements = new WorkerRequirements { Regions = new HashSet<string> { "DE" }, MinAccuracy = 0.7, MinEvidence = 10 };
        var project = new LiveProject(s_options with { Requirements = requirements });
        project.AddWorker(Profile("good", "DE"));
        project.AddWorker(Profile("poor", "DE"));
        project.AddWorker(Profile("abroad", "FR"));
        project.AddWorker(Profile("answered", "DE"));
        LiveProjectTests.Train(project, 40, ("good", 0), ("poor", 2));
        project.AddTask("t1");
        project.Submit("t1", "answered", "cat");

        var ranked = project.Rank("t1", ["abroad", "answered", "good", "nobody", "poor"]);

        Assert.Equal("good", ranked[0].Worker);
        Assert.Null(ranked[0].Ineligible);
        Assert.True(ranked[0].Score > 0);
        var reasons = ranked.Skip(1).ToDictionary(r => r.Worker, r => r.Ineligible);
        Assert.Equal("country FR not in the project's regions", reasons["abroad"]);
        Assert.Equal("already answered this task", reasons["answered"]);
        Assert.Equal("country unknown, and the project is limited to some regions", reasons["nobody"]);
        Assert.StartsWith("accuracy 0.", reasons["poor"], StringComparison.Ordinal);
        Assert.Contains("under the project's minimum 0.70", reasons["poor"], StringComparison.Ordinal);
        Assert.All(ranked.Skip(1), r => Assert.Equal(0, r.Score));
    }

    [Fact]
    public void Rank_SettledTask_EligibleBeforeIneligible()
    {
        // t1 is settled (two agreeing strong answers): a newcomer's answer cannot change its leader, yet it still
        // informs, and the newcomer may take the task while "aaa" (first by name) has already answered it.
        var project = new LiveProject(s_options);
        LiveProjectTests.Train(project, 40, ("aaa", 0), ("bbb", 0));
        project.AddTask("t1");
        project.Submit("t1", "aaa", "cat");
        project.Submit("t1", "bbb", "cat");

        var ranked = project.Rank("t1", ["newcomer", "aaa"]);

        Assert.Equal(["newcomer", "aaa"], ranked.Select(r => r.Worker));
        Assert.Null(ranked[0].Ineligible);
        Assert.True(ranked[0].Score > 0);
        Assert.NotNull(ranked[1].Ineligible);
    }

    [Fact]
    public void Rank_BudgetSpent_EveryoneIneligible()
    {
        var project = new LiveProject(s_options with { Quality = s_options.Quality with { MaxAnswers = 2 } });
        project.AddTask("t1");
        project.Submit("t1", "w1", "cat");
        project.Submit("t1", "w2", "dog");

        var ranked = project.Rank("t1", ["w3"]);

        Assert.Equal("the task's answer budget is spent", ranked[0].Ineligible);
        Assert.Null(project.Assign("t1", ["w3"], true, 0));
    }

    [Fact]
    public void RecordOffer_Declines_LowerAcceptRateAndScore()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");
        project.RecordOffer("shy", false);
        project.RecordOffer("shy", false);
        project.RecordOffer("keen", true);

        var ranked = project.Rank("t1", ["shy", "keen"]);

        // Beta(4, 1) prior: (4 + 1) / (5 + 1) and 4 / (5 + 2).
        Assert.Equal(["keen", "shy"], ranked.Select(r => r.Worker));
        Assert.Equal(5.0 / 6, ranked[0].AcceptRate, 12);
        Assert.Equal(4.0 / 7, ranked[1].AcceptRate, 12);
    }

    [Fact]
    public void Assign_Best_PicksTheBestEligible()
    {
        var project = RoutingProject();

        var picked = project.Assign("t1", ["abroad", "poor", "answered", "good"], true, 0.5);

        Assert.Equal("good", picked);
    }

    [Fact]
    public void Assign_Random_PicksOnlyEligibleAcrossDraws()
    {
        var project = RoutingProject();
        string[] available = ["abroad", "poor", "answered", "fine", "good"];

        var picks = new[] { 0.0, 0.2, 0.34, 0.4, 0.6, 0.67, 0.9, 0.999 }.Select(d => project.Assign("t1", available, false, d) ?? "(none)").ToArray();

        // Eligible in order: fine, good, and poor (no minimum accuracy here); thirds of [0, 1) pick each.
        Assert.Equal(["poor", "poor", "fine", "fine", "fine", "good", "good", "good"], picks);
    }

    [Fact]
    public void Assign_NoneEligible_Null()
    {
        var project = RoutingProject();

        Assert.Null(project.Assign("t1", ["abroad", "answered"], true, 0.3));
        Assert.Null(project.Assign("t1", ["abroad", "answered"], false, 0.3));
        Assert.Null(project.Assign("t1", [], false, 0));
    }

    [Fact]
    public void Assign_DrawOutOfRange_Throws()
    {
        var project = RoutingProject();

        Assert.Throws<ArgumentException>(() => project.Assign("t1", ["good"], false, 1));
        Assert.Throws<ArgumentException>(() => project.Assign("t1", ["good"], false, -0.1));
        Assert.Throws<ArgumentException>(() => project.Assign("t1", ["good"], false, double.NaN));
    }

    [Fact]
    public void Submit_WorkerOutsideRegions_RejectWithTheRequirement()
    {
        var project = RoutingProject();

        var decision = project.Submit("t1", "abroad", "cat");

        Assert.Equal(DecisionKind.Reject, decision.Kind);
        Assert.Equal("answer not counted: country FR not in the project's regions", decision.Reasons[0]);
        Assert.Equal(1, decision.Answers);
    }

    /// <summary>A project limited to DE with workers good, poor (answers every dog control task wrong), fine, abroad (FR) and answered (has answered t1).</summary>
    private static LiveProject RoutingProject()
    {
        var project = new LiveProject(s_options with { Requirements = new WorkerRequirements { Regions = new HashSet<string> { "DE" } } });
        foreach (var id in new[] { "good", "poor", "fine", "answered" })
        {
            project.AddWorker(Profile(id, "DE"));
        }

        project.AddWorker(Profile("abroad", "FR"));
        LiveProjectTests.Train(project, 40, ("good", 0), ("poor", 2), ("fine", 4));
        project.AddTask("t1");
        project.Submit("t1", "answered", "cat");
        return project;
    }

    private static WorkerProfile Profile(string id, string country) => new(id, country, new HashSet<string>());
}
