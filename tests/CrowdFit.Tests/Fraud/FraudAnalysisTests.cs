using CrowdFit.Answers;
using CrowdFit.Fraud;

namespace CrowdFit.Tests.Fraud;

public sealed class FraudAnalysisTests
{
    [Fact]
    public void Run_FlaggedWorkerOutvotingHonestOnes_IsLeftOutOfTheTruth()
    {
        // Three colluding accounts answer "y" on every task; two honest workers answer the truth "x".
        List<(string, string, string)> triples = [];
        for (var t = 0; t < 20; t++)
        {
            triples.Add(($"t{t}", "honest1", "x"));
            triples.Add(($"t{t}", "honest2", "x"));
            triples.Add(($"t{t}", "ring1", "y"));
            triples.Add(($"t{t}", "ring2", "y"));
            triples.Add(($"t{t}", "ring3", "y"));
        }

        var answers = AnswerSet.FromTriples(triples);
        var ring = new FakeDetector("ring", (log, w) => log.Answers.WorkerIds[w].StartsWith("ring", StringComparison.Ordinal) ? 1e-6 : 1);

        var result = FraudAnalysis.Run(answers, null, null, [ring], FraudAnalysisOptions.Default with { TruthMethod = "mv" });

        Assert.Equal(3, result.Scores.FlaggedWorkerCount);
        Assert.All(Enumerable.Range(0, answers.TaskCount), t => Assert.Equal(answers.FindLabel("x"), result.Truth.Label(t)));
        Assert.Equal(2, ring.Runs);
        Assert.Same(answers, result.Truth.Answers);
        Assert.Equal(answers.WorkerCount, result.Workers.Count);
    }

    [Fact]
    public void Run_EveryAnswerOfATaskFlagged_TaskStillGetsALabel()
    {
        var answers = AnswerSet.FromTriples([("t1", "bad", "y"), ("t2", "bad", "y"), ("t2", "good", "x")]);
        var detector = new FakeDetector("d", (log, w) => log.Answers.WorkerIds[w] == "bad" ? 1e-6 : 1);

        var result = FraudAnalysis.Run(answers, null, null, [detector], FraudAnalysisOptions.Default with { TruthMethod = "mv" });

        Assert.Equal(answers.FindLabel("y"), result.Truth.Label(answers.FindTask("t1")));
        Assert.Equal(answers.FindLabel("x"), result.Truth.Label(answers.FindTask("t2")));
    }

    [Fact]
    public void Run_Progress_ReportsEachDetectorEachRound()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x")]);
        List<string> lines = [];

        FraudAnalysis.Run(answers, null, null, [new FakeDetector("d", (_, _) => 1)], FraudAnalysisOptions.Default with { Rounds = 2 }, null, new SyncProgress(lines.Add));

        Assert.Equal(2, lines.Count(l => l.Contains(": d done (", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_InvalidOptions_Throws()
    {
        var answers = AnswerSet.FromTriples([("t1", "a", "x")]);

        var error = Assert.Throws<ArgumentException>(() => FraudAnalysis.Run(answers, null, null, [], FraudAnalysisOptions.Default with { TruthMethod = "nope", Rounds = 0 }));

        Assert.Contains("TruthMethod", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rounds", error.Message, StringComparison.Ordinal);
    }

    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
