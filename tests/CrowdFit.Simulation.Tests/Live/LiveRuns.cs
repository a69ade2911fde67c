using System.Collections.Concurrent;
using CrowdFit.Simulation.Live;

namespace CrowdFit.Simulation.Tests.Live;

/// <summary>Closed-loop runs on <see cref="SmallCrowds.Easy"/>, each made once for a test class.</summary>
public sealed class LiveRuns
{
    private readonly ConcurrentDictionary<(string Policy, int MaxAnswers), Lazy<LiveSimulationResult>> _runs = new();

    /// <summary>The options of a run of <paramref name="policy"/>.</summary>
    public static LiveSimulationOptions Options(string policy, int maxAnswers = 5) => new()
    {
        Crowd = SmallCrowds.Easy(3),
        Policy = LivePolicy.Parse(policy, 0.02, out var error) ?? throw new ArgumentException(error, nameof(policy)),
        MaxAnswers = maxAnswers,
        Seed = 3,
    };

    /// <summary>The result of <paramref name="policy"/>, run on first use.</summary>
    public LiveSimulationResult Get(string policy, int maxAnswers = 5) =>
        _runs.GetOrAdd((policy, maxAnswers), key => new Lazy<LiveSimulationResult>(() => LiveSimulation.Run(Options(key.Policy, key.MaxAnswers)))).Value;
}
