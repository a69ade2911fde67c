using BenchmarkDotNet.Attributes;
using CrowdFit.Answers;
using CrowdFit.Simulation;
using CrowdFit.Truth;

namespace CrowdFit.Benchmarks;

/// <summary>Inference alone (no I/O) on a simulated crowd of 200,000 tasks × 5 answers, 4 classes.</summary>
[MemoryDiagnoser]
public class TruthBenchmarks
{
    private AnswerSet _answers = null!;

    [GlobalSetup]
    public void Setup()
    {
        var crowd = DawidSkeneCrowd.Generate(DawidSkeneCrowdOptions.Default);
        _answers = crowd.ToAnswerSet();
    }

    [Benchmark(Baseline = true)]
    public TruthResult MajorityVote() => new MajorityVote().Infer(_answers);

    [Benchmark]
    public TruthResult DawidSkene() => new DawidSkene().Infer(_answers);

    [Benchmark]
    public TruthResult Ibcc() => new Ibcc().Infer(_answers);
}
