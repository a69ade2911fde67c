using CrowdFit.Answers;

namespace CrowdFit.Tests.Answers;

public sealed class AnswerContextTests
{
    [Fact]
    public void Accessors_PresentAndMissingValues_ReturnValueOrNothing()
    {
        var start = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc).Ticks;
        var context = new AnswerContext(
            2,
            startedAtTicks: [start, AnswerContext.MissingTicks],
            submittedAtTicks: [start + TimeSpan.TicksPerMinute, start],
            ip: new CategoricalColumn(["10.0.0.1"], [0, CategoricalColumn.Missing]),
            reward: [0.05, double.NaN]);

        Assert.True(context.HasStartedAt && context.HasSubmittedAt && context.HasIp && context.HasReward);
        Assert.False(context.HasDevice || context.HasCountry || context.HasPaymentCountry || context.HasTaskType || context.HasProject);
        Assert.Equal(new DateTimeOffset(start, TimeSpan.Zero), context.StartedAt(0));
        Assert.Equal(TimeSpan.FromMinutes(1), context.Duration(0));
        Assert.Null(context.StartedAt(1));
        Assert.Null(context.Duration(1));
        Assert.Equal("10.0.0.1", context.Ip[0]);
        Assert.Null(context.Ip[1]);
        Assert.Equal(0.05, context.Reward(0));
        Assert.True(double.IsNaN(context.Reward(1)));
    }

    [Fact]
    public void Accessors_AbsentColumns_ReturnNothing()
    {
        var context = new AnswerContext(3);

        Assert.Null(context.SubmittedAt(2));
        Assert.True(double.IsNaN(context.Reward(2)));
        Assert.True(context.Rewards.IsEmpty);
        Assert.Null(context.Project);
    }

    [Fact]
    public void Constructor_ColumnOfOtherLength_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new AnswerContext(2, reward: [1.0]));

        Assert.Equal("reward", error.ParamName);
    }

    [Fact]
    public void CategoricalColumn_CodeOutsideTheValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CategoricalColumn(["a"], [0, 1]));
    }
}
