using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Tests.Live;

/// <summary>
/// Stacked detectors supplied per re-estimation, re-estimation on request, changes with their model version, and
/// answers reinstated by an overturned appeal. Two workers answer "a" on ten tasks (two agreeing answers deliver
/// a task at an AQL of 5 %, one never does); a fake learned detector flags the worker "bad".
/// </summary>
public sealed class LiveProjectLearningTests
{
    private static readonly string[] s_labels = ["a", "b"];

    [Fact]
    public void Refit_StackedSource_GetsTheAnalysedAnswersAndItsReportIsKept()
    {
        var source = new FlaggingSource("bad");
        var project = Delivered(source);
        project.AddTask("open");
        project.Submit("open", "w1", "a");

        project.Refit();

        // The open task's answer is not analysed: 10 finished tasks x 2 answers.
        Assert.Equal([20], source.AnswerCounts);
        var stacked = project.Stacked;
        Assert.Equal(1, stacked.ModelVersion);
        Assert.Equal("fake-learned", Assert.Single(stacked.Reports).Detector);
        Assert.True(stacked.Reports[0].Ran);
    }

    [Fact]
    public void Refit_StackedDetectorFlagsWorker_AnswersRejectedAndDeliveredTasksReopened()
    {
        var project = Delivered(new FlaggingSource("bad"));

        project.Refit();

        var changes = project.TakeChanges();
        Assert.Equal(10, changes.Count);
        Assert.All(changes, c => Assert.Equal(DecisionKind.Extend, c.Decision.Kind));
        Assert.All(changes, c => Assert.Equal(1, c.ModelVersion));
        Assert.All(changes, c => Assert.Equal("answers it stood on were taken out at the re-estimation", c.Cause));
        project.AddTask("next");
        var decision = project.Submit("next", "bad", "a");
        Assert.Equal(DecisionKind.Reject, decision.Kind);
        Assert.Contains("flagged by the fake model", decision.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Refit_NoSource_NoStackedReports()
    {
        var project = Delivered(null);

        project.Refit();

        Assert.Equal(new StackedRun(1, []), project.Stacked with { Reports = [] });
        Assert.Empty(project.Stacked.Reports);
        Assert.Empty(project.TakeChanges());
    }

    [Fact]
    public void RequestRefit_Inline_ReEstimatesAtOnce()
    {
        var project = Delivered(null);

        project.RequestRefit();
        project.RequestRefit();

        Assert.Equal(2, project.ModelVersion);
    }

    [Fact]
    public void RequestRefit_WhileOneRuns_AnotherFollowsIt()
    {
        using var release = new ManualResetEventSlim();
        var source = new FlaggingSource("nobody", release);
        var project = Delivered(source, background: true);

        project.RequestRefit();
        Assert.True(SpinWait.SpinUntil(() => source.AnswerCounts.Count == 1, TimeSpan.FromSeconds(5)));
        project.RequestRefit();
        release.Set();

        Assert.True(SpinWait.SpinUntil(() => project.ModelVersion == 2, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, source.AnswerCounts.Count);
    }

    [Fact]
    public void Reinstate_RejectedAnswer_CountedAgainAndKeptThroughReEstimations()
    {
        var project = Delivered(new FlaggingSource("bad"));
        project.Refit();
        project.AddTask("next");
        project.Submit("next", "w1", "a");
        project.Submit("next", "bad", "a");

        var decision = project.Reinstate("next", "bad");

        Assert.NotNull(decision);
        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.Equal(2, decision.Answers);
        Assert.Null(project.Reinstate("next", "bad"));
        Assert.Equal(LiveTaskStatus.Accepted, project.State("next"));
        project.Refit();
        Assert.Equal(2, project.Status("next").Answers);
        Assert.Equal(LiveTaskStatus.Accepted, project.State("next"));
    }

    [Fact]
    public void Reinstate_NothingRejected_ReturnsNull()
    {
        var project = Delivered(null);

        Assert.Null(project.Reinstate("t0", "w1"));
        Assert.Null(project.Reinstate("t0", "nobody"));
        Assert.Equal(2, project.Status("t0").Answers);
        Assert.Throws<ArgumentException>(() => project.Reinstate("missing", "w1"));
    }

    [Fact]
    public void Reinstate_GoldTask_CountsTheControlAnswer()
    {
        var project = Delivered(new FlaggingSource("bad"));
        project.Refit();
        project.AddTask("g", null, "a");
        Assert.Equal(DecisionKind.Reject, project.Submit("g", "bad", "a").Kind);

        var decision = project.Reinstate("g", "bad");

        Assert.NotNull(decision);
        Assert.Equal(["control task: answer right"], decision.Reasons);
        Assert.Equal(1, decision.Answers);
    }

    /// <summary>Ten tasks delivered on two agreeing answers each, with no re-estimation yet.</summary>
    private static LiveProject Delivered(IStackedDetectorSource? source, bool background = false)
    {
        var project = new LiveProject(new LiveProjectOptions
        {
            Labels = s_labels, RefitEvery = 1_000_000, DetectorSet = [], StackedDetectors = source, Background = background,
            Quality = new AqlOptions { Aql = 0.05, SingleAnswer = false },
        });
        for (var t = 0; t < 10; t++)
        {
            project.AddTask($"t{t}");
            project.Submit($"t{t}", "bad", "a");
            project.Submit($"t{t}", "w1", "a");

            Assert.Equal(LiveTaskStatus.Accepted, project.State($"t{t}"));
        }

        return project;
    }

    /// <summary>Supplies a detector that flags one worker; the first call may wait for a signal.</summary>
    private sealed class FlaggingSource(string worker, ManualResetEventSlim? gate = null) : IStackedDetectorSource
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _counts = new();

        public IReadOnlyList<int> AnswerCounts => [.. _counts];

        public IReadOnlyList<IStackedDetector> DetectorsFor(AnswerSet answers)
        {
            _counts.Enqueue(answers.Count);
            if (_counts.Count == 1)
            {
                gate?.Wait(TimeSpan.FromSeconds(10));
            }

            return [new Flagging(worker)];
        }
    }

    private sealed class Flagging(string worker) : IStackedDetector
    {
        public string Name => "fake-learned";

        public DetectorReport Run(WorkLog log, IReadOnlyList<DetectorReport> evidence)
        {
            var answers = log.Answers;
            var workerP = new double[answers.WorkerCount];
            Array.Fill(workerP, 1.0);
            var reasons = new string?[answers.WorkerCount];
            var bad = answers.FindWorker(worker);
            if (bad >= 0)
            {
                workerP[bad] = 1e-9;
                reasons[bad] = "flagged by the fake model";
            }

            var answerP = new float[answers.Count];
            Array.Fill(answerP, 1f);
            return new DetectorReport(Name, workerP, reasons, answerP);
        }
    }
}
