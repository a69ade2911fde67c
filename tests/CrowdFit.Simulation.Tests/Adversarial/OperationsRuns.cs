using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

/// <summary>
/// The operations preset and its clean twin put through the engine once per test class, at half the tasks
/// (the same 400 accounts with half the work each) so the end-to-end tests stay fast.
/// </summary>
public sealed class OperationsRuns
{
    private readonly Lazy<OperationsRun> _planted = new(() => OperationsRun.Analyze(Reduced(AdversarialCrowdOptions.Operations)));
    private readonly Lazy<OperationsRun> _clean = new(() => OperationsRun.Analyze(Reduced(AdversarialCrowdOptions.OperationsClean)));

    internal OperationsRun Planted => _planted.Value;

    internal OperationsRun Clean => _clean.Value;

    internal static AdversarialCrowdOptions Reduced(AdversarialCrowdOptions options) => options with { Tasks = options.Tasks / 2 };
}
