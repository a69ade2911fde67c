using CrowdFit.Fraud;

namespace CrowdFit.Tests.Fraud;

/// <summary>A detector that reports fixed p-values, for testing the combination.</summary>
internal sealed class FakeDetector(string name, Func<WorkLog, int, double> workerP, Func<WorkLog, int, double>? answerP = null, bool skip = false) : IFraudDetector
{
    public string Name => name;

    public int Runs { get; private set; }

    public DetectorReport Run(WorkLog log)
    {
        Runs++;
        if (skip)
        {
            return DetectorReport.Skipped(name, log.Answers.WorkerCount, log.Answers.Count, "needs ip");
        }

        var w = Enumerable.Range(0, log.Answers.WorkerCount).Select(i => workerP(log, i)).ToArray();
        var a = Enumerable.Range(0, log.Answers.Count).Select(i => (float)(answerP ?? ((l, x) => workerP(l, l.Answers.Workers[x])))(log, i)).ToArray();
        var reasons = w.Select((p, i) => p < 0.5 ? $"{name} saw worker {i}" : null).ToArray();
        return new DetectorReport(name, w, reasons, a);
    }
}
