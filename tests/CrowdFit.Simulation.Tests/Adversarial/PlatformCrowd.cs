using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

/// <summary>A small platform crowd with every adversary kind, written and read back once for a test class.</summary>
public sealed class PlatformCrowd : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public PlatformCrowd()
    {
        Options = AdversarialCrowdOptions.Platform.Scale(0.05) with { Seed = 7 };
        Log = CrowdLog.Write(Options, _directory.Path);
    }

    public AdversarialCrowdOptions Options { get; }

    internal CrowdLog Log { get; }

    public void Dispose() => _directory.Dispose();
}
