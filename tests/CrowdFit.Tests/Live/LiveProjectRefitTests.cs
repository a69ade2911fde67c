using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Tests.Live;

/// <summary>
/// End-to-end checks on a seeded crowd: 16 honest workers (accuracy 0.70 to 0.95), 4 uniform spammers. The
/// detectors judge answers on finished tasks only, so most tasks get the whole budget of five answers (each is
/// accepted or sent to review by then) and the last <see cref="Started"/> are still collecting, with two each.
/// </summary>
public sealed class LiveProjectRefitTests
{
    private const int Tasks = 900;
    private const int Started = 60;

    private static readonly LiveProjectOptions s_options = new() { Labels = LiveCrowd.Labels, RefitEvery = 1_000_000 };

    [Fact]
    public void Refit_Spammers_FlaggedAndTheirAnswersRejected()
    {
        var (project, crowd, _, _) = Run(7);

        foreach (var spammer in crowd.Spammers)
        {
            var decision = project.Submit("fresh", spammer, "a");

            Assert.Equal(DecisionKind.Reject, decision.Kind);
            Assert.StartsWith("answer not counted: the worker is flagged (", decision.Reasons[0], StringComparison.Ordinal);
        }

        Assert.Equal(0, project.Status("fresh").Answers);
        Assert.Equal(1, project.ModelVersion);
    }

    [Fact]
    public void Refit_HonestWorkers_NotFlagged()
    {
        var (project, crowd, _, _) = Run(7);

        foreach (var worker in crowd.Workers.Where(w => !LiveCrowd.IsSpammer(w)))
        {
            var decision = project.Submit("fresh", worker, "a");

            Assert.NotEqual(DecisionKind.Reject, decision.Kind);
        }
    }

    [Fact]
    public void Refit_SpammersAnswers_LeaveTheEvidenceOnFinishedAndCollectingTasks()
    {
        var (project, crowd, log, _) = Run(7);
        var collecting = crowd.Tasks.Skip(Tasks - Started).Take(Started).ToHashSet();

        Assert.Contains(log, a => LiveCrowd.IsSpammer(a.Worker) && collecting.Contains(a.Task));
        for (var t = 0; t < crowd.Tasks.Length - crowd.GoldCount; t++)
        {
            var task = crowd.Tasks[t];
            var honest = log.Count(a => a.Task == task && !LiveCrowd.IsSpammer(a.Worker));

            Assert.Equal(honest, project.Status(task).Answers);
        }
    }

    [Fact]
    public void Refit_DeliveredLabels_MostlyRight()
    {
        var (project, crowd, _, submitted) = Run(7);

        var delivered = Delivered(crowd, submitted, project.TakeChanges());

        var wrong = delivered.Count(t => project.Status(crowd.Tasks[t]).Label != crowd.Truth[t]);
        Assert.True(delivered.Length > 300, $"{delivered.Length} delivered");
        Assert.True(wrong <= 0.02 * delivered.Length, $"{wrong} of {delivered.Length} delivered labels wrong");
    }

    [Fact]
    public void TakeChanges_AfterRefit_ReportsCurrentDecisionsOnceEach()
    {
        var (project, _, _, _) = Run(7);

        var changes = project.TakeChanges();

        Assert.NotEmpty(changes);
        Assert.Contains(changes, c => c.Decision.Kind == DecisionKind.Accept);
        Assert.Contains(changes, c => c.Decision.Kind == DecisionKind.Extend);
        Assert.Equal(changes.Count, changes.Select(c => c.Task).Distinct().Count());
        Assert.All(changes, c => Assert.Equal(c.Decision.Kind, project.Status(c.Task).Kind));
        Assert.Empty(project.TakeChanges());
    }

    [Fact]
    public void Plan_AfterRefit_ExpectedErrorOfTheDeliveredTasks()
    {
        var (project, crowd, _, submitted) = Run(7);
        var delivered = Delivered(crowd, submitted, project.TakeChanges());

        var plan = project.Plan();

        var errors = delivered.Select(t => project.Status(crowd.Tasks[t]).Error).ToArray();
        Assert.Equal(errors.Length, plan.Delivered);
        Assert.Equal(errors.Average(), plan.ExpectedError, 12);
        Assert.True(plan.MeetsAql);
        Assert.Empty(plan.Tasks);
    }

    [Fact]
    public void Refit_TaskAcceptedOnSpammersOnly_Reopened()
    {
        var crowd = new LiveCrowd(7, Tasks);
        var project = new LiveProject(s_options);
        crowd.AddTasks(project);
        project.AddTask("victim");
        var submitted = Submit(project, crowd.Log(5, Started));

        // Three agreeing answers under the prior confusion (0.75 right) leave 0.9 % and accept.
        project.Submit("victim", crowd.Spammers[0], "a");
        project.Submit("victim", crowd.Spammers[1], "a");
        var before = project.Submit("victim", crowd.Spammers[2], "a");
        project.Refit();

        var changes = project.TakeChanges();
        var plan = project.Plan();

        Assert.Equal(DecisionKind.Accept, before.Kind);
        Assert.Equal(DecisionKind.Extend, project.Status("victim").Kind);
        Assert.Equal(0, project.Status("victim").Answers);
        Assert.Contains(changes, c => c.Task == "victim" && c.Decision.Kind == DecisionKind.Extend);
        Assert.Equal(Delivered(crowd, submitted, changes).Length, plan.Delivered);
    }

    [Fact]
    public void Refit_SameSeed_SameDecisions()
    {
        var (first, crowd, _, _) = Run(11);
        var (second, _, _, _) = Run(11);

        Assert.Equal(first.TakeChanges().Select(c => (c.Task, c.Decision.Kind, c.Decision.Confidence)), second.TakeChanges().Select(c => (c.Task, c.Decision.Kind, c.Decision.Confidence)));
        foreach (var task in crowd.Tasks)
        {
            Assert.Equal(first.Status(task).Kind, second.Status(task).Kind);
            Assert.Equal(first.Posterior(task), second.Posterior(task));
        }
    }

    [Fact]
    public void Refit_Background_KeepsAnswersSubmittedConcurrently()
    {
        // A budget of three answers finishes every task at its third, whatever the models then, so the last
        // re-estimation sees the same answers however the background ones interleaved with the submissions.
        var crowd = new LiveCrowd(5);
        var options = s_options with { Detectors = false, Quality = s_options.Quality with { MaxAnswers = 3 } };
        var project = new LiveProject(options with { Background = true, RefitEvery = 100, RefitGrowth = 0 });
        crowd.AddTasks(project);
        project.AddTask("fresh");
        var log = crowd.Log(3);
        var halves = new[] { log.Where((_, i) => i % 2 == 0).ToArray(), log.Where((_, i) => i % 2 == 1).ToArray() };
        var rejected = 0;

        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, h =>
        {
            foreach (var (task, worker, label) in halves[h])
            {
                if (project.Submit(task, worker, label).Kind == DecisionKind.Reject)
                {
                    Interlocked.Increment(ref rejected);
                }
            }
        });
        project.Refit();

        Assert.Equal(0, rejected);
        Assert.Equal(log.Count, project.AnswerCount);
        Assert.True(project.ModelVersion >= 2, $"model version {project.ModelVersion}");
        var sequential = new LiveProject(options);
        crowd.AddTasks(sequential);
        Submit(sequential, log);
        sequential.Refit();
        for (var t = 0; t < crowd.Tasks.Length; t++)
        {
            var task = crowd.Tasks[t];
            var decision = project.Status(task);
            Assert.Equal(log.Count(a => a.Task == task), decision.Answers);
            Assert.Equal(sequential.Status(task).Kind, decision.Kind);
            Assert.Equal(sequential.Posterior(task), project.Posterior(task), (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    /// <summary>Submits the log in order; returns the decision kind each task got at its last answer.</summary>
    private static Dictionary<string, DecisionKind> Submit(LiveProject project, List<(string Task, string Worker, string Label)> log)
    {
        var submitted = new Dictionary<string, DecisionKind>(StringComparer.Ordinal);
        foreach (var (task, worker, label) in log)
        {
            submitted[task] = project.Submit(task, worker, label).Kind;
        }

        return submitted;
    }

    /// <summary>
    /// The ordinary tasks whose label is delivered, as a client sees it: accepted at their last answer or by a
    /// re-estimation since, and not reopened. (A re-estimation may leave a delivered task delivered while
    /// <see cref="LiveProject.Status"/> would now extend it, and a task in review stays there.)
    /// </summary>
    private static int[] Delivered(LiveCrowd crowd, Dictionary<string, DecisionKind> submitted, IReadOnlyList<TaskChange> changes)
    {
        var kinds = new Dictionary<string, DecisionKind>(submitted, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            kinds[change.Task] = change.Decision.Kind;
        }

        return [.. Enumerable.Range(0, crowd.Tasks.Length - crowd.GoldCount).Where(t => kinds.GetValueOrDefault(crowd.Tasks[t], DecisionKind.Extend) == DecisionKind.Accept)];
    }

    private static (LiveProject Project, LiveCrowd Crowd, List<(string Task, string Worker, string Label)> Log, Dictionary<string, DecisionKind> Submitted) Run(int seed)
    {
        var crowd = new LiveCrowd(seed, Tasks);
        var project = new LiveProject(s_options);
        crowd.AddTasks(project);
        project.AddTask("fresh");
        var log = crowd.Log(5, Started);
        var submitted = Submit(project, log);

        project.Refit();
        return (project, crowd, log, submitted);
    }
}
