using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Tests.Live;

public sealed class LiveProjectTests
{
    private static readonly LiveProjectOptions s_options = new()
    {
        Labels = ["dog", "cat"],
        Detectors = false,
        RefitEvery = 1_000_000,
        Quality = new AqlOptions { Aql = 0.02, MaxAnswers = 5, AuditShare = 0 },
    };

    /// <summary>Two labels, no detectors, no re-estimation, no audits: the engine's decisions alone.</summary>
    internal static LiveProjectOptions Plain => s_options;

    [Fact]
    public void Labels_OrdinalOrder()
    {
        var project = new LiveProject(s_options);

        Assert.Equal(["cat", "dog"], project.Labels);
    }

    [Fact]
    public void AddTask_DuplicateId_ThrowsNamingIt()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");

        var error = Assert.Throws<ArgumentException>(() => project.AddTask("t1"));

        Assert.Contains("'t1'", error.Message, StringComparison.Ordinal);
        Assert.Equal("id", error.ParamName);
        Assert.Equal(1, project.TaskCount);
    }

    [Fact]
    public void AddTask_UnknownGoldLabel_ThrowsNamingIt()
    {
        var project = new LiveProject(s_options);

        var error = Assert.Throws<ArgumentException>(() => project.AddTask("g1", null, "bird"));

        Assert.Contains("'bird'", error.Message, StringComparison.Ordinal);
        Assert.Equal("goldLabel", error.ParamName);
        Assert.Equal(0, project.TaskCount);
    }

    [Fact]
    public void Submit_UnknownLabel_ThrowsNamingItAndRecordsNothing()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");

        var error = Assert.Throws<ArgumentException>(() => project.Submit("t1", "w1", "bird"));

        Assert.Contains("'bird'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cat, dog", error.Message, StringComparison.Ordinal);
        Assert.Equal("label", error.ParamName);
        Assert.Equal(0, project.AnswerCount);
    }

    [Fact]
    public void UnknownTask_ThrowsNamingIt()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");

        var submit = Assert.Throws<ArgumentException>(() => project.Submit("nope", "w1", "cat"));
        var status = Assert.Throws<ArgumentException>(() => project.Status("nope"));
        var posterior = Assert.Throws<ArgumentException>(() => project.Posterior("nope"));
        var rank = Assert.Throws<ArgumentException>(() => project.Rank("nope", ["w1"]));
        var assign = Assert.Throws<ArgumentException>(() => project.Assign("nope", ["w1"], true, 0));

        Assert.All([submit, status, posterior, rank, assign], e => Assert.Contains("Unknown task 'nope'", e.Message, StringComparison.Ordinal));
        Assert.Equal("taskId", submit.ParamName);
        Assert.Equal(0, project.AnswerCount);
    }

    [Fact]
    public void Submit_NewTaskFirstAnswerUnderPrior_ExtendsByTheBayesCount()
    {
        // Prior confusion 6 : 1 per row, so one answer gives 6/7 and each further agreeing one multiplies the odds by 6:
        // 36 : 1 leaves 2.7 %, 216 : 1 leaves 0.46 %; two more are needed.
        var project = new LiveProject(s_options);
        project.AddTask("t1");

        var decision = project.Submit("t1", "w1", "dog");

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(1, decision.Label);
        Assert.Equal(6.0 / 7, decision.Confidence, 12);
        Assert.Equal(2, decision.More);
        Assert.Equal(6.0 / 7, project.Posterior("t1")[1], 12);
        Assert.Equal(0, project.ModelVersion);
    }

    [Fact]
    public void Status_NoAnswers_ExtendWithoutLabel()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");

        var decision = project.Status("t1");

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(-1, decision.Label);
        Assert.Equal(["no counted answer yet"], decision.Reasons);
        Assert.Equal([0.5, 0.5], project.Posterior("t1"));
    }

    [Fact]
    public void Submit_TwoAgreeingTrustedGoodWorkers_Accept()
    {
        var project = new LiveProject(s_options);
        Train(project, 30, ("w1", 15), ("w2", 15));
        project.AddTask("t1");

        var first = project.Submit("t1", "w1", "cat");
        var second = project.Submit("t1", "w2", "cat");

        // Each worker is 14 right and 1 wrong per row. The crowd's pooled row is (2 × 14 + 6) : (2 × 1 + 1) = 34 : 3,
        // and with it as a prior of strength 4 a worker's row is (14 + 4 × 34/37) : (1 + 4 × 3/37) = 654 : 49.
        // One answer leaves 49/703 = 7.0 %, one more from the pooled worker 0.66 %; two agree at 654² : 49².
        Assert.Equal(DecisionKind.Extend, first.Kind);
        Assert.Equal(654.0 / 703, first.Confidence, 12);
        Assert.Equal(1, first.More);
        Assert.Equal(DecisionKind.Accept, second.Kind);
        Assert.Equal(0, second.Label);
        Assert.Equal(2, second.Answers);
        Assert.Equal(427716.0 / 430117, second.Confidence, 12);
        Assert.StartsWith("'cat' at 99.4 % after 2 answers", second.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_Disagreement_ExtendsByTheTypicalWorkersCount()
    {
        var project = new LiveProject(s_options);
        Train(project, 30, ("w1", 0), ("w2", 0));
        project.AddTask("t1");

        project.Submit("t1", "w1", "cat");
        var decision = project.Submit("t1", "w2", "dog");

        // The pooled worker is 36/37 right: one agreeing answer leaves 1/37 = 2.7 %, two leave 1/1297.
        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(0.5, decision.Confidence, 6);
        Assert.Equal(2, decision.More);
        Assert.Equal(2, decision.Answers);
        Assert.StartsWith("'cat' at 50.0 %: error 50.0 % is over the AQL", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Submit_SameWorkerTwice_RejectAndNotCounted()
    {
        var project = new LiveProject(s_options);
        project.AddTask("t1");
        project.Submit("t1", "w1", "cat");

        var decision = project.Submit("t1", "w1", "cat");

        Assert.Equal(DecisionKind.Reject, decision.Kind);
        Assert.Equal("answer not counted: the worker already answered this task", decision.Reasons[0]);
        Assert.Equal(1, decision.Answers);
        Assert.Equal(6.0 / 7, project.Posterior("t1")[0], 12);
        Assert.Equal(2, project.AnswerCount);
        Assert.True(decision.WantsAnswers);
    }

    [Fact]
    public void Submit_ControlTask_AcceptWithGoldLabelAndRightOrWrong()
    {
        var project = new LiveProject(s_options);
        project.AddTask("g1", null, "dog");

        var right = project.Submit("g1", "w1", "dog");
        var wrong = project.Submit("g1", "w2", "cat");
        var status = project.Status("g1");

        Assert.Equal(DecisionKind.Accept, right.Kind);
        Assert.Equal(1, right.Label);
        Assert.Equal(1, right.Confidence);
        Assert.Equal(["control task: answer right"], right.Reasons);
        Assert.Equal(DecisionKind.Accept, wrong.Kind);
        Assert.Equal(1, wrong.Label);
        Assert.Equal(2, wrong.Answers);
        Assert.Equal(["control task: answer 'cat' is wrong, the label is 'dog'"], wrong.Reasons);
        Assert.Equal(["control task: its label is 'dog'"], status.Reasons);
    }

    [Fact]
    public void Submit_SingleAnswerFromTrustedExpert_Accept()
    {
        // 50 right per row; the crowd's pooled row is (50 + 6) : 1, so the expert's is (50 + 4 × 56/57) : 4/57 = 1537 : 2,
        // an error of 0.13 % after one answer.
        var project = new LiveProject(s_options);
        Train(project, 100, ("expert", 0));
        project.AddTask("t1");

        var decision = project.Submit("t1", "expert", "dog");

        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.Equal(1537.0 / 1539, decision.Confidence, 12);
        Assert.Equal(1, decision.Answers);
        Assert.False(decision.Audit);
    }

    [Fact]
    public void Submit_SingleAnswerInAuditSample_AcceptWithAudit()
    {
        var project = new LiveProject(s_options with { Quality = s_options.Quality with { AuditShare = 1 } });
        Train(project, 100, ("expert", 0));
        project.AddTask("t1");

        var decision = project.Submit("t1", "expert", "dog");

        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.True(decision.Audit);
        Assert.True(decision.WantsAnswers);
    }

    [Fact]
    public void Submit_SingleAnswerBeforeTrust_ExtendSayingWhy()
    {
        var project = new LiveProject(s_options with { Quality = s_options.Quality with { TrustedAfter = 200 } });
        Train(project, 100, ("expert", 0));
        project.AddTask("t1");

        var decision = project.Submit("t1", "expert", "dog");

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(1, decision.More);
        Assert.Equal(["a single answer is not enough: the worker had 100 answers at the last estimate, fewer than the 200 trust needs"], decision.Reasons);
    }

    [Fact]
    public void Submit_BudgetSpent_Review()
    {
        var project = new LiveProject(s_options with { Quality = s_options.Quality with { MaxAnswers = 2 } });
        project.AddTask("t1");
        project.Submit("t1", "w1", "cat");

        var decision = project.Submit("t1", "w2", "dog");

        Assert.Equal(DecisionKind.Review, decision.Kind);
        Assert.Equal("the budget of 2 answers is spent", decision.Reasons[1]);
    }

    [Fact]
    public void Submit_RefitEvery_RefitsInline()
    {
        var project = new LiveProject(s_options with { RefitEvery = 4 });
        project.AddTask("t1");
        project.AddTask("t2");

        project.Submit("t1", "w1", "cat");
        project.Submit("t1", "w2", "cat");
        project.Submit("t2", "w1", "dog");
        Assert.Equal(0, project.ModelVersion);
        project.Submit("t2", "w2", "dog");

        Assert.Equal(1, project.ModelVersion);
        Assert.Equal(4, project.AnswerCount);
    }

    [Fact]
    public void Plan_AcceptedTasks_ExpectedErrorIsTheirMeanError()
    {
        // Each worker's row is (14 + 4 × 12/13) : (1 + 4/13) = 230 : 17 under the pooled 48 : 4, so one answer
        // (6.9 % error) does not settle t2 and two agreeing ones (0.54 %) settle t0.
        var project = new LiveProject(s_options);
        Train(project, 30, ("w1", 15), ("w2", 15), ("w3", 15));
        for (var t = 0; t < 4; t++)
        {
            project.AddTask($"t{t}");
        }

        project.Submit("t0", "w1", "cat");
        project.Submit("t0", "w2", "cat");
        project.Submit("t1", "w1", "dog");
        project.Submit("t1", "w2", "dog");
        project.Submit("t1", "w3", "dog");
        project.Submit("t2", "w1", "dog");
        project.Submit("t3", "w1", "dog");
        project.Submit("t3", "w2", "cat");

        var plan = project.Plan();

        Assert.Equal(2, plan.Delivered);
        Assert.Equal((project.Status("t0").Error + project.Status("t1").Error) / 2, plan.ExpectedError, 12);
        Assert.Equal(((289.0 / 53189) + (4913.0 / 12171913)) / 2, plan.ExpectedError, 12);
        Assert.True(plan.MeetsAql);
        Assert.Empty(plan.Tasks);
        Assert.Equal(0.02, plan.Aql);
    }

    [Fact]
    public void Refit_NothingChanged_NoChanges()
    {
        var project = new LiveProject(s_options);
        Train(project, 30, ("w1", 0), ("w2", 0));
        project.AddTask("t1");
        project.Submit("t1", "w1", "cat");
        project.Submit("t1", "w2", "cat");
        project.TakeChanges();

        project.Refit();

        Assert.Empty(project.TakeChanges());
        Assert.Equal(DecisionKind.Accept, project.Status("t1").Kind);
    }

    /// <summary>
    /// Adds <paramref name="gold"/> control tasks (alternately cat and dog), has each worker answer all of them,
    /// wrong on every <c>wrongEvery</c>-th (never when 0), and re-estimates.
    /// </summary>
    internal static void Train(LiveProject project, int gold, params (string Worker, int WrongEvery)[] workers)
    {
        for (var g = 0; g < gold; g++)
        {
            project.AddTask($"g{g:000}", null, g % 2 == 0 ? "cat" : "dog");
        }

        foreach (var (worker, wrongEvery) in workers)
        {
            for (var g = 0; g < gold; g++)
            {
                var right = wrongEvery == 0 || g % wrongEvery != wrongEvery - 1;
                project.Submit($"g{g:000}", worker, (g % 2 == 0) == right ? "cat" : "dog");
            }
        }

        project.Refit();
    }
}
