using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class GoldAuditTests
{
    [Fact]
    public void Audit_WrongGold_FoundFirstAndRightGoldLeftAlone()
    {
        var crowd = KnownCrowd.Generate(tasks: 600, workers: 15, classes: 3, perTask: 5, spammers: 2, seed: 11);
        var perTask = Enumerable.Repeat(GoldLabels.None, crowd.Answers.TaskCount).ToArray();
        var wrong = new HashSet<int>();
        for (var t = 0; t < 60; t++)
        {
            // Every tenth gold label is a mistake of the person who wrote the gold.
            var mistaken = t % 10 == 3;
            perTask[t] = mistaken ? (crowd.Truth[t] + 1) % 3 : crowd.Truth[t];
            if (mistaken)
            {
                wrong.Add(t);
            }
        }

        var items = GoldAudit.Audit(crowd.Answers, GoldLabels.FromPerTask(perTask, 3));

        Assert.Equal(60, items.Count);
        var suspects = items.Where(i => i.Suspect).Select(i => i.Task).ToHashSet();
        Assert.True(suspects.Count(wrong.Contains) >= 5, $"wrong gold found: {suspects.Count(wrong.Contains)} of {wrong.Count}");
        Assert.True(suspects.Count(t => !wrong.Contains(t)) <= 1, $"right gold under suspicion: {suspects.Count(t => !wrong.Contains(t))}");
        Assert.True(items.Take(wrong.Count).Count(i => wrong.Contains(i.Task)) >= 5);
        Assert.All(items.Zip(items.Skip(1)), pair => Assert.True(pair.First.GoldPosterior <= pair.Second.GoldPosterior));
    }

    [Fact]
    public void Audit_OneItem_NumbersByHand()
    {
        // Three answers on the gold task: two say "b", one says "a"; the gold says "a".
        var answers = AnswerSet.FromTriples([("g", "w1", "b"), ("g", "w2", "b"), ("g", "w3", "a"), ("x", "w1", "a"), ("x", "w2", "a")]);
        var gold = GoldLabels.FromPerTask([answers.FindLabel("a"), GoldLabels.None], answers.ClassCount);

        var item = Assert.Single(GoldAudit.Audit(answers, gold, new MajorityVote()));

        Assert.Equal(answers.FindTask("g"), item.Task);
        Assert.Equal(3, item.Answers);
        Assert.Equal(1.0 / 3, item.PassRate, 12);
        Assert.Equal(answers.FindLabel("b"), item.CrowdLabel);
        Assert.Equal(1.0 / 3, item.GoldPosterior, 12);
        Assert.False(item.Suspect);
    }

    [Fact]
    public void Audit_BadArguments_Throw()
    {
        var answers = AnswerSet.FromTriples([("g", "w1", "a"), ("g", "w2", "b")]);
        Assert.Throws<ArgumentException>(() => GoldAudit.Audit(answers, GoldLabels.Empty(2)));
        Assert.Throws<ArgumentException>(() => GoldAudit.Audit(answers, GoldLabels.Empty(1), suspectBelow: 0));
        Assert.Empty(GoldAudit.Audit(answers, GoldLabels.Empty(1)));
    }
}
