using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class DawidSkeneTests
{
    [Fact]
    public void Infer_ReliableWorkerOutvotedByTwoUnreliable_FollowsReliableWorker()
    {
        // Worker r agrees with the majority on 8 control tasks; u1 and u2 disagree with it on those,
        // so on task "x" where u1 and u2 outvote r, Dawid–Skene should side with r.
        var rows = new List<(string, string, string)>();
        for (var i = 0; i < 8; i++)
        {
            rows.Add(($"c{i}", "r", "a"));
            rows.Add(($"c{i}", "g1", "a"));
            rows.Add(($"c{i}", "g2", "a"));
            rows.Add(($"c{i}", "u1", "b"));
            rows.Add(($"c{i}", "u2", i % 2 == 0 ? "a" : "b"));
        }

        rows.Add(("x", "r", "a"));
        rows.Add(("x", "u1", "b"));
        rows.Add(("x", "u2", "b"));
        var answers = AnswerSet.FromTriples(rows);

        var result = new DawidSkene().Infer(answers);

        Assert.Equal("a", answers.Labels[result.Label(answers.FindTask("x"))]);
        Assert.Equal(0.0, new MajorityVote().Infer(answers).Posterior(answers.FindTask("x"))[0] - (1.0 / 3), 12);
    }

    [Fact]
    public void Infer_GoldTask_StaysClampedAndTeachesConfusion()
    {
        var answers = AnswerSet.FromTriples([("g", "w", "b"), ("g", "v", "b"), ("t", "w", "b"), ("t", "v", "a")]);
        var gold = GoldLabels.FromPairs(answers, [("g", "a")]);

        var result = new DawidSkene().Infer(answers, gold);

        Assert.Equal(1.0, result.Posterior(answers.FindTask("g"))[0]);
        Assert.True(result.Workers[answers.FindWorker("w")].ConfusionAt(0, 1, 2) > 0.4);
    }

    [Fact]
    public void Constructor_BadOptions_ReportsAllProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new DawidSkene(new DawidSkeneOptions { MaxIterations = 0, Tolerance = -1 }));

        Assert.Contains("MaxIterations", error.Message, StringComparison.Ordinal);
        Assert.Contains("Tolerance", error.Message, StringComparison.Ordinal);
    }
}
