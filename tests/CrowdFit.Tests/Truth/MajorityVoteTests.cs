using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class MajorityVoteTests
{
    [Fact]
    public void Infer_TwoAgainstOne_PicksMajorityWithVoteShare()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "cat"), ("t1", "b", "cat"), ("t1", "c", "dog")]);

        var result = new MajorityVote().Infer(answers);

        Assert.Equal("cat", answers.Labels[result.Label(0)]);
        Assert.Equal(2.0 / 3, result.Confidence(0), 12);
    }

    [Fact]
    public void Infer_Tie_GoesToFirstLabelInOrdinalOrder()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "zebra"), ("t1", "b", "ant")]);

        var result = new MajorityVote().Infer(answers);

        Assert.Equal("ant", answers.Labels[result.Label(0)]);
        Assert.Equal(0.5, result.Confidence(0), 12);
    }

    [Fact]
    public void Infer_GoldTask_IsClampedToGold()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x"), ("t1", "b", "x"), ("t2", "a", "y")]);
        var gold = GoldLabels.FromPairs(answers, [("t1", "y")]);

        var result = new MajorityVote().Infer(answers, gold);

        Assert.Equal("y", answers.Labels[result.Label(0)]);
        Assert.Equal(1.0, result.Confidence(0));
        Assert.Equal(0.0, result.Workers[1].Accuracy);
    }
}
