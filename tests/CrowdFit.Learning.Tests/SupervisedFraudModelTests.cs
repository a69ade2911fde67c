using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Truth;

namespace CrowdFit.Learning.Tests;

public sealed class SupervisedFraudModelTests
{
    [Fact]
    public void Run_ConfirmedFraudPattern_FindsUnconfirmedFraudAndSparesHonestWork()
    {
        var (log, evidence, isFraud) = Crowd(workers: 60, fraudWorkers: 12, tasks: 400);
        var answers = log.Answers;
        // Analysts decided on the first 30 workers only.
        var decisions = Enumerable.Range(0, 30).Select(w => ((string?)null, answers.WorkerIds[w], isFraud[w]));
        var (confirmations, unknown) = Confirmations.Resolve(answers, decisions);

        var report = new SupervisedFraudModel(confirmations).Run(log, evidence);

        Assert.Empty(unknown);
        Assert.True(report.Ran, report.SkippedBecause);
        var unseenFraud = Enumerable.Range(30, 30).Where(w => isFraud[w]).ToArray();
        var unseenHonest = Enumerable.Range(30, 30).Where(w => !isFraud[w]).ToArray();
        Assert.All(unseenFraud, w => Assert.True(report.WorkerP[w] < 0.05, $"fraud worker {w}: p {report.WorkerP[w]}"));
        Assert.True(unseenHonest.Count(w => report.WorkerP[w] < 0.05) <= 2);
        var honestAnswers = Enumerable.Range(0, answers.Count).Where(a => !isFraud[answers.Workers[a]] && answers.Workers[a] >= 30).ToArray();
        var falseAlarms = honestAnswers.Count(a => report.AnswerP[a] <= 0.01);
        // Conformal p-values hold per answer on average; answers of one worker share its worker-level
        // evidence, so false alarms come in clusters and the bound allows for that.
        Assert.True(falseAlarms <= honestAnswers.Length * 0.05, $"{falseAlarms} of {honestAnswers.Length} honest answers at p <= 0.01");
    }

    [Fact]
    public void Run_TooFewConfirmations_StepsAsideSayingWhy()
    {
        var (log, evidence, _) = Crowd(workers: 10, fraudWorkers: 2, tasks: 50);
        var (confirmations, _) = Confirmations.Resolve(log.Answers, [("t0", log.Answers.WorkerIds[0], true)]);

        var report = new SupervisedFraudModel(confirmations).Run(log, evidence);

        Assert.False(report.Ran);
        Assert.Contains("confirmed-fraud", report.SkippedBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameInput_SameOutput()
    {
        var (log, evidence, isFraud) = Crowd(workers: 30, fraudWorkers: 6, tasks: 200);
        var (confirmations, _) = Confirmations.Resolve(log.Answers, Enumerable.Range(0, 20).Select(w => ((string?)null, log.Answers.WorkerIds[w], isFraud[w])));

        var first = new SupervisedFraudModel(confirmations).Run(log, evidence);
        var second = new SupervisedFraudModel(confirmations).Run(log, evidence);

        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SupervisedFraudModel(Confirmations.None(0), SupervisedFraudOptions.Default with { Folds = 1 }));

        Assert.Contains("Folds", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A crowd where one detector's evidence is noise for everyone and another's is raised for fraudsters,
    /// who also answer at random.
    /// </summary>
    private static (WorkLog Log, DetectorReport[] Evidence, bool[] IsFraud) Crowd(int workers, int fraudWorkers, int tasks)
    {
        var random = new Random(7);
        var isFraud = Enumerable.Range(0, workers).Select(w => w % (workers / fraudWorkers) == 0).ToArray();
        List<(string, string, string)> triples = [];
        for (var t = 0; t < tasks; t++)
        {
            var truth = random.Next(2);
            foreach (var w in Enumerable.Range(0, workers).OrderBy(_ => random.Next()).Take(5))
            {
                var label = isFraud[w] ? random.Next(2) : random.NextDouble() < 0.85 ? truth : 1 - truth;
                triples.Add(($"t{t}", $"w{w:D3}", label == 0 ? "a" : "b"));
            }
        }

        var answers = AnswerSet.FromTriples(triples);
        var log = new WorkLog(answers, null, null, new DawidSkene().Infer(answers));
        var fraudOf = Enumerable.Range(0, answers.WorkerCount).Select(w => isFraud[int.Parse(answers.WorkerIds[w].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture)]).ToArray();
        var noise = new DetectorReport("noise", [.. fraudOf.Select(_ => random.NextDouble())], new string?[answers.WorkerCount], [.. Enumerable.Range(0, answers.Count).Select(_ => (float)random.NextDouble())]);
        var signal = new DetectorReport(
            "signal",
            [.. fraudOf.Select(f => f ? random.NextDouble() * 0.2 : random.NextDouble())],
            new string?[answers.WorkerCount],
            [.. Enumerable.Range(0, answers.Count).Select(a => (float)(fraudOf[answers.Workers[a]] ? random.NextDouble() * 0.1 : random.NextDouble()))]);
        return (log, [noise, signal], fraudOf);
    }
}
