using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Fraud;

public sealed class WorkLogTests
{
    private static readonly DateTimeOffset s_day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Timeline_OrdersEachWorkersAnswersBySubmitTime()
    {
        // Rows: worker a submits t3 first, then t1, then t2; worker b has one answer.
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t2", "a", "y"), ("t3", "a", "x"), ("t1", "b", "x")]);
        var submitted = new[] { At(60), At(120), At(10), At(30) };
        var started = new[] { At(50), At(100), At(0), At(20) };
        var context = new AnswerContext(4, started, submitted);

        var log = new WorkLog(answers, context, null, new MajorityVote().Infer(answers));

        var a = answers.FindWorker("a");
        var order = log.Timeline(a).ToArray().Select(i => answers.TaskIds[answers.Tasks[i]]).ToArray();
        Assert.Equal(["t3", "t1", "t2"], order);
        Assert.Equal(0, log.PositionInTimeline(log.Timeline(a)[0]));
        Assert.Equal(10, log.Duration(log.Timeline(a)[0]), 9);
        Assert.Equal(s_day, log.Origin);
        Assert.Equal(0, log.Started[log.Timeline(a)[0]]);
    }

    [Fact]
    public void Constructor_NoContext_TimesAreNaNAndTimelineFollowsSourceRows()
    {
        var answers = AnswerSet.FromTriples([("t2", "a", "x"), ("t1", "a", "y")]);

        var log = new WorkLog(answers, null, null, new MajorityVote().Infer(answers));

        Assert.False(log.HasSubmitTimes);
        Assert.True(double.IsNaN(log.Duration(0)));
        var order = log.Timeline(0).ToArray().Select(i => answers.TaskIds[answers.Tasks[i]]).ToArray();
        Assert.Equal(["t2", "t1"], order);
        Assert.Equal(1, log.TaskTypeCount);
    }

    [Fact]
    public void Constructor_TruthOfOtherAnswers_Throws()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x")]);
        var other = AnswerSet.FromTriples([("t1", "a", "x")]);

        Assert.Throws<ArgumentException>(() => new WorkLog(answers, null, null, new MajorityVote().Infer(other)));
    }

    private static long At(int seconds) => s_day.AddSeconds(seconds).UtcTicks;
}
