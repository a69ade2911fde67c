namespace CrowdFit.Simulation.Live;

/// <summary>What one policy delivered and what it cost.</summary>
/// <param name="Policy">Policy name.</param>
/// <param name="Tasks">Tasks delivered (control tasks not counted).</param>
/// <param name="Labels">Answers paid for on those tasks, rejected ones included.</param>
/// <param name="ControlAnswers">Answers on control tasks.</param>
/// <param name="Correct">Tasks whose delivered label is the true one.</param>
/// <param name="Reviewed">Tasks sent to review (delivered with their leading label; an expert would still look).</param>
/// <param name="AdversaryAnswers">Answers (control included) by accounts whose labels are an attack.</param>
/// <param name="ExpectedError">The engine's own estimate of the delivered set's error (AQL policies), else NaN.</param>
/// <param name="Rounds">Rounds of work until every task was settled.</param>
/// <param name="Seconds">Wall-clock time of the run.</param>
/// <param name="DecisionMicroseconds">Mean time of one decision on an answer, in microseconds (AQL policies), else NaN.</param>
public sealed record LiveSimulationResult(
    string Policy, int Tasks, long Labels, long ControlAnswers, int Correct, int Reviewed, long AdversaryAnswers,
    double ExpectedError, int Rounds, double Seconds, double DecisionMicroseconds)
{
    /// <summary>Answers per delivered task.</summary>
    public double LabelsPerTask => Tasks == 0 ? 0 : (double)Labels / Tasks;

    /// <summary>Share of delivered labels that are right.</summary>
    public double Accuracy => Tasks == 0 ? 0 : (double)Correct / Tasks;

    /// <summary>All answers paid for: labels and control answers.</summary>
    public long Cost => Labels + ControlAnswers;
}
