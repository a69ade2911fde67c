using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Tests.Live;

public sealed class LiveProjectSuspensionTests
{
    private static readonly LiveProjectOptions s_options = LiveProjectTests.Plain;

    [Fact]
    public void Submit_SuspendedWorker_RejectedWithTheReasonAndNotCounted()
    {
        var project = Project("t1", "t2");
        project.Submit("t1", "w1", "dog");

        project.Suspend("w1", "case 3 confirmed as fraud");
        var decision = project.Submit("t2", "w1", "dog");

        Assert.Equal(DecisionKind.Reject, decision.Kind);
        Assert.Equal("answer not counted: the worker is suspended (case 3 confirmed as fraud)", decision.Reasons[0]);
        Assert.Equal(0, project.Status("t2").Answers);
        Assert.Equal(1, project.Status("t1").Answers);
        Assert.True(project.IsSuspended("w1"));
        Assert.Equal("case 3 confirmed as fraud", project.SuspensionReason("w1"));
        Assert.Equal(["w1"], project.Suspended);
    }

    [Fact]
    public void Suspend_Again_ReplacesTheReason()
    {
        var project = Project("t1");

        project.Suspend("w1", "first");
        project.Suspend("w1", "second");

        Assert.Equal("second", project.SuspensionReason("w1"));
        Assert.Single(project.Suspended);
    }

    [Fact]
    public void Lift_SuspendedWorker_AnswersCountAgain()
    {
        var project = Project("t1", "t2");
        project.Suspend("w1", "case 3 confirmed as fraud");
        project.Submit("t1", "w1", "dog");

        var lifted = project.Lift("w1");
        var again = project.Lift("w1");
        var decision = project.Submit("t2", "w1", "dog");

        Assert.True(lifted);
        Assert.False(again);
        Assert.False(project.IsSuspended("w1"));
        Assert.Null(project.SuspensionReason("w1"));
        Assert.Empty(project.Suspended);
        Assert.NotEqual(DecisionKind.Reject, decision.Kind);
        Assert.Equal(1, project.Status("t2").Answers);
        Assert.Equal(0, project.Status("t1").Answers);
    }

    [Fact]
    public void RankAndAssign_SuspendedWorker_IneligibleAndNeverPicked()
    {
        var project = Project("t1");
        string[] available = ["w1", "w2"];

        project.Suspend("w1", "case 3 confirmed as fraud");
        var ranked = project.Rank("t1", available);
        var best = project.Assign("t1", available, best: true, draw: 0);
        var random = Enumerable.Range(0, 20).Select(i => project.Assign("t1", available, best: false, draw: i / 20.0)).ToHashSet();

        Assert.Equal("w2", ranked[0].Worker);
        Assert.Null(ranked[0].Ineligible);
        Assert.Equal("w1", ranked[1].Worker);
        Assert.Equal("suspended: case 3 confirmed as fraud", ranked[1].Ineligible);
        Assert.Equal(0, ranked[1].Score);
        Assert.Equal("w2", best);
        Assert.Equal(["w2"], random);
    }

    [Fact]
    public void Assign_OnlyWorkerSuspended_ReturnsNull()
    {
        var project = Project("t1");

        project.Suspend("never-seen", "case 1 confirmed as fraud");

        Assert.Null(project.Assign("t1", ["never-seen"], best: true, draw: 0.5));
        Assert.Null(project.Assign("t1", ["never-seen"], best: false, draw: 0.5));
    }

    [Fact]
    public void Refit_SuspendedWorkersEarlierAnswers_LeaveTheEvidenceOnFinishedAndOpenTasks()
    {
        var project = Project("done", "open");
        foreach (var worker in new[] { "s", "w1", "w2", "w3", "w4" })
        {
            project.Submit("done", worker, "dog");
        }

        project.Submit("open", "s", "cat");
        var before = (Done: project.Status("done").Answers, Open: project.Status("open").Answers);

        project.Suspend("s", "case 2 confirmed as fraud");
        project.Refit();

        Assert.Equal((5, 1), before);
        Assert.Equal(4, project.Status("done").Answers);
        Assert.Equal(0, project.Status("open").Answers);
    }

    [Fact]
    public void Refit_AfterLift_EarlierAnswersStayOutButNewOnesCount()
    {
        var project = Project("t1", "t2");
        project.Submit("t1", "s", "dog");
        project.Suspend("s", "case 2 confirmed as fraud");
        project.Refit();

        project.Lift("s");
        project.Submit("t2", "s", "dog");
        project.Refit();

        Assert.Equal(0, project.Status("t1").Answers);
        Assert.Equal(1, project.Status("t2").Answers);
    }

    [Fact]
    public void Suspend_EmptyArguments_Throw()
    {
        var project = Project("t1");

        Assert.Throws<ArgumentException>(() => project.Suspend("", "why"));
        Assert.Throws<ArgumentException>(() => project.Suspend("w1", ""));
        Assert.Throws<ArgumentNullException>(() => project.Lift(null!));
        Assert.Throws<ArgumentException>(() => project.IsSuspended(""));
        Assert.Empty(project.Suspended);
    }

    private static LiveProject Project(params string[] tasks)
    {
        var project = new LiveProject(s_options);
        foreach (var task in tasks)
        {
            project.AddTask(task);
        }

        return project;
    }
}
