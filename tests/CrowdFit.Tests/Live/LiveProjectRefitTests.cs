using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Tests.Live;

/// <summary>End-to-end checks on a seeded crowd: 16 honest workers (accuracy 0.70 to 0.95), 4 uniform spammers.</summary>
public sealed class LiveProjectRefitTests
{
    private static readonly LiveProjectOptions s_options = new() { Labels = LiveCrowd.Labels, RefitEvery = 1_000_000 };

    [Fact]
    public void Refit_Spammers_FlaggedAndTheirAnswersRejected()
    {
        var (project, crowd, _) = Run(7);

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
        var (project, crowd, _) = Run(7);

        foreach (var worker in crowd.Workers.Where(w => !LiveCrowd.IsSpammer(w)))
        {
            var decision = project.Submit("fresh", worker, "a");

            Assert.NotEqual(DecisionKind.Reject, decision.Kind);
        }
    }

    [Fact]
    public void Refit_SpammersAnswers_LeaveTheEvidence()
    {
        var (project, crowd, log) = Run(7);

        for (var t = 0; t < crowd.Tasks.Length - crowd.GoldCount; t++)
        {
            var task = crowd.Tasks[t];
            var honest = log.Count(a => a.Task == task && !LiveCrowd.IsSpammer(a.Worker));

            Assert.Equal(honest, project.Status(task).Answers);
        }
    }

    [Fact]
    public void Refit_AcceptedLabels_MostlyRight()
    {
        var (project, crowd, _) = Run(7);

        var accepted = 0;
        var wrong = 0;
        for (var t = 0; t < crowd.Tasks.Length - crowd.GoldCount; t++)
        {
            var decision = project.Status(crowd.Tasks[t]);
            if (decision.Kind == DecisionKind.Accept)
            {
                accepted++;
                wrong += decision.Label == crowd.Truth[t] ? 0 : 1;
            }
        }

        Assert.True(accepted > 100, $"{accepted} accepted");
        Assert.True(wrong <= 0.05 * accepted, $"{wrong} of {accepted} accepted labels wrong");
    }

    [Fact]
    public void TakeChanges_AfterRefit_ReportsCurrentDecisionsOnceEach()
    {
        var (project, _, _) = Run(7);

        var changes = project.TakeChanges();

        Assert.NotEmpty(changes);
        Assert.Contains(changes, c => c.Decision.Kind == DecisionKind.Accept);
        Assert.Contains(changes, c => c.Decision.Kind == DecisionKind.Extend);
        Assert.Equal(changes.Count, changes.Select(c => c.Task).Distinct().Count());
        Assert.All(changes, c => Assert.Equal(c.Decision.Kind, project.Status(c.Task).Kind));
        Assert.Empty(project.TakeChanges());
    }

    [Fact]
    public void Plan_AfterRefit_ExpectedErrorOfTheAcceptedTasks()
    {
        var (project, crowd, _) = Run(7);
        project.TakeChanges();

        var plan = project.Plan();

        var errors = crowd.Tasks.Take(crowd.Tasks.Length - crowd.GoldCount).Select(project.Status).Where(d => d.Kind == DecisionKind.Accept).Select(d => d.Error).ToArray();
        Assert.Equal(errors.Length, plan.Delivered);
        Assert.Equal(errors.Average(), plan.ExpectedError, 12);
        Assert.True(plan.MeetsAql);
        Assert.Empty(plan.Tasks);
    }

    [Fact]
    public void Refit_TaskAcceptedOnSpammersOnly_Reopened()
    {
        var crowd = new LiveCrowd(7);
        var project = new LiveProject(s_options);
        crowd.AddTasks(project);
        project.AddTask("victim");
        var log = crowd.Log(3);
        foreach (var (task, worker, label) in log)
        {
            project.Submit(task, worker, label);
        }

        // Three agreeing answers under the prior confusion (0.75 right) leave 0.9 % and accept.
        project.Submit("victim", crowd.Spammers[0], "a");
        project.Submit("victim", crowd.Spammers[1], "a");
        var before = project.Submit("victim", crowd.Spammers[2], "a");
        project.TakeChanges();
        project.Refit();

        var changes = project.TakeChanges();
        var plan = project.Plan();

        Assert.Equal(DecisionKind.Accept, before.Kind);
        Assert.Equal(DecisionKind.Extend, project.Status("victim").Kind);
        Assert.Contains(changes, c => c.Task == "victim" && c.Decision.Kind == DecisionKind.Extend);
        Assert.Equal(crowd.Tasks.Select(project.Status).Count(d => d.Kind == DecisionKind.Accept) - crowd.GoldCount, plan.Delivered);
    }

    [Fact]
    public void Refit_SameSeed_SameDecisions()
    {
        var (first, crowd, _) = Run(11);
        var (second, _, _) = Run(11);

        foreach (var task in crowd.Tasks)
        {
            Assert.Equal(first.Status(task).Kind, second.Status(task).Kind);
            Assert.Equal(first.Posterior(task), second.Posterior(task));
        }
    }

    [Fact]
    public void Refit_Background_KeepsAnswersSubmittedConcurrently()
    {
        var crowd = new LiveCrowd(5);
        var project = new LiveProject(s_options with { Background = true, Detectors = false, RefitEvery = 100, RefitGrowth = 0 });
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
        var sequential = new LiveProject(s_options with { Detectors = false });
        crowd.AddTasks(sequential);
        foreach (var (task, worker, label) in log)
        {
            sequential.Submit(task, worker, label);
        }

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

    private static (LiveProject Project, LiveCrowd Crowd, List<(string Task, string Worker, string Label)> Log) Run(int seed)
    {
        var crowd = new LiveCrowd(seed);
        var project = new LiveProject(s_options);
        crowd.AddTasks(project);
        project.AddTask("fresh");
        var log = crowd.Log(3);
        foreach (var (task, worker, label) in log)
        {
            project.Submit(task, worker, label);
        }

        project.Refit();
        return (project, crowd, log);
    }
}
