using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CrowdFit.Live;
using CrowdFit.Quality;

namespace CrowdFit.Benchmarks;

/// <summary>
/// The live engine's per-answer calls on a project of 100,000 tasks (5 labels, 2 % gold) and 2,000 workers (10 %
/// spammers), with about 150,000 answers already in and the models estimated once. <see cref="Submit"/> feeds a
/// shuffled stream of fresh answers, each on a task holding 0–4 answers, from a worker who has not answered it.
/// </summary>
/// <remarks>
/// <see cref="LiveProjectOptions.RefitEvery"/> is <see cref="int.MaxValue"/>, so no re-estimation runs while
/// measuring: the numbers are the decision alone, under the models of the one refit done in the setup.
/// Submitting changes the project, so the job runs a fixed number of calls, fewer than the stream holds; the
/// cleanup prints how much of the stream was used.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class LiveDecisionBenchmarks
{
    private const int TaskCount = 100_000;
    private const int WorkerCount = 2_000;
    private const int Budget = 5;
    private const double GoldShare = 0.02;
    private const double SpammerShare = 0.10;
    private const int AssignChoices = 4_096;
    private const int Available = 20;
    private const int Seed = 20_261_123;

    /// <summary>Warm-up and measured iterations, and calls per iteration, for every benchmark of the class.</summary>
    private const int WarmupIterations = 6;
    private const int MeasuredIterations = 25;
    private const int CallsPerIteration = 8_192;

    private static readonly string[] s_labels = ["a", "b", "c", "d", "e"];

    private LiveProject _project = null!;
    private (string Task, string Worker, string Label)[] _fresh = [];
    private int _nextFresh;
    private bool _wrapped;
    private string[] _statusTasks = [];
    private int _nextStatus;
    private (string Task, string[] Workers)[] _assign = [];
    private int _nextAssign;

    /// <summary>Builds the project: tasks, workers, the first answers, one re-estimation; and the input streams.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(Seed);
        var taskIds = new string[TaskCount];
        var workerIds = new string[WorkerCount];
        for (var w = 0; w < WorkerCount; w++)
        {
            workerIds[w] = "w" + w.ToString("D4", CultureInfo.InvariantCulture);
        }

        var workers = Crowd(random);
        _project = new LiveProject(new LiveProjectOptions
        {
            Labels = s_labels,
            Quality = new AqlOptions { MaxAnswers = Budget },
            RefitEvery = int.MaxValue,
        });

        // Each task gets Budget distinct workers: the first 0–3 of them answer before the refit, the rest form the
        // stream, so a submitted answer always lands on a task holding 0–4 answers.
        var before = new List<(string, string, string)>(TaskCount * 2);
        var fresh = new List<(string, string, string)>(TaskCount * 4);
        Span<int> chosen = stackalloc int[Budget];
        for (var t = 0; t < TaskCount; t++)
        {
            taskIds[t] = "t" + t.ToString("D6", CultureInfo.InvariantCulture);
            var truth = random.Next(s_labels.Length);
            var gold = random.NextDouble() < GoldShare;
            _project.AddTask(taskIds[t], null, gold ? s_labels[truth] : null);
            var early = random.Next(4);
            for (var i = 0; i < Budget; i++)
            {
                chosen[i] = DistinctWorker(random, chosen[..i]);
                var answer = (taskIds[t], workerIds[chosen[i]], s_labels[workers[chosen[i]].Answer(random, truth)]);
                (i < early ? before : fresh).Add(answer);
            }
        }

        foreach (var (task, worker, label) in before)
        {
            _project.Submit(task, worker, label);
        }

        var start = Stopwatch.GetTimestamp();
        _project.Refit();
        var refit = Stopwatch.GetElapsedTime(start);
        _project.TakeChanges();
        _fresh = [.. fresh];
        random.Shuffle(_fresh);
        _statusTasks = [.. taskIds];
        random.Shuffle(_statusTasks);
        _assign = new (string, string[])[AssignChoices];
        Span<int> offered = stackalloc int[Available];
        for (var i = 0; i < _assign.Length; i++)
        {
            var available = new string[Available];
            for (var j = 0; j < Available; j++)
            {
                offered[j] = DistinctWorker(random, offered[..j]);
                available[j] = workerIds[offered[j]];
            }

            _assign[i] = (taskIds[random.Next(TaskCount)], available);
        }

        Describe(workerIds, refit);
    }

    /// <summary>Prints how much of the answer stream <see cref="Submit"/> used.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_nextFresh > 0 || _wrapped)
        {
            Console.WriteLine($"// Submit: {(_wrapped ? "the stream wrapped, later answers were duplicates" : $"{_nextFresh:N0} of {_fresh.Length:N0} fresh answers used")}; log now {_project.AnswerCount:N0} answers, model version {_project.ModelVersion}");
        }
    }

    /// <summary>The current decision on a task, without an answer: lookup, posterior and decision rule.</summary>
    [Benchmark(Baseline = true)]
    public TaskDecision Status()
    {
        var task = _statusTasks[_nextStatus];
        _nextStatus = _nextStatus + 1 == _statusTasks.Length ? 0 : _nextStatus + 1;
        return _project.Status(task);
    }

    /// <summary>One fresh answer taken and its task decided.</summary>
    [Benchmark]
    public TaskDecision Submit()
    {
        var (task, worker, label) = _fresh[_nextFresh];
        if (++_nextFresh == _fresh.Length)
        {
            _nextFresh = 0;
            _wrapped = true;
        }

        return _project.Submit(task, worker, label);
    }

    /// <summary>The best of 20 available workers picked for a task.</summary>
    [Benchmark]
    public string? Assign()
    {
        var (task, available) = _assign[_nextAssign];
        _nextAssign = _nextAssign + 1 == _assign.Length ? 0 : _nextAssign + 1;
        return _project.Assign(task, available, best: true, draw: 0.5);
    }

    /// <summary>Honest workers with accuracy uniform on [0.55, 0.95]; spammers answer at random or always one label.</summary>
    private static SimulatedWorker[] Crowd(Random random)
    {
        var workers = new SimulatedWorker[WorkerCount];
        for (var w = 0; w < WorkerCount; w++)
        {
            workers[w] = random.NextDouble() < SpammerShare
                ? new SimulatedWorker(0, random.Next(2) == 0 ? -1 : random.Next(s_labels.Length))
                : new SimulatedWorker(0.55 + (0.4 * random.NextDouble()), -1);
        }

        return workers;
    }

    private static int DistinctWorker(Random random, ReadOnlySpan<int> taken)
    {
        int w;
        do
        {
            w = random.Next(WorkerCount);
        }
        while (taken.Contains(w));
        return w;
    }

    /// <summary>Prints the state the benchmarks start from: decisions by kind and workers the detectors flagged.</summary>
    private void Describe(string[] workerIds, TimeSpan refit)
    {
        var kinds = new int[Enum.GetValues<DecisionKind>().Length];
        foreach (var task in _statusTasks)
        {
            kinds[(int)_project.Status(task).Kind]++;
        }

        var flagged = 0;
        foreach (var standing in _project.Rank(_statusTasks[0], workerIds))
        {
            flagged += standing.Ineligible?.StartsWith("flagged", StringComparison.Ordinal) == true ? 1 : 0;
        }

        var byKind = string.Join(", ", Enum.GetValues<DecisionKind>().Select(k => $"{k} {kinds[(int)k]:N0}"));
        Console.WriteLine($"// setup: {_project.TaskCount:N0} tasks, {_project.AnswerCount:N0} answers, model version {_project.ModelVersion} (refit {refit.TotalMilliseconds:N0} ms); decisions {byKind}; {flagged} of {WorkerCount:N0} workers flagged; stream of {_fresh.Length:N0} fresh answers");
    }

    /// <summary>A simulated worker: right with probability <paramref name="Accuracy"/> (else a uniform wrong label), or a spammer.</summary>
    /// <param name="Accuracy">Probability of the true label; 0 for a spammer.</param>
    /// <param name="Constant">The label a constant spammer always gives; -1 otherwise.</param>
    private readonly record struct SimulatedWorker(double Accuracy, int Constant)
    {
        public int Answer(Random random, int truth)
        {
            if (Constant >= 0)
            {
                return Constant;
            }

            if (Accuracy == 0)
            {
                return random.Next(s_labels.Length);
            }

            if (random.NextDouble() < Accuracy)
            {
                return truth;
            }

            var wrong = random.Next(s_labels.Length - 1);
            return wrong < truth ? wrong : wrong + 1;
        }
    }

    /// <summary>
    /// One in-process job with a fixed number of calls: <see cref="Submit"/> must not run past its stream of
    /// fresh answers, and in-process measures the engine as a service hosts it.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(WarmupIterations)
                .WithIterationCount(MeasuredIterations)
                .WithInvocationCount(CallsPerIteration)
                .WithUnrollFactor(16)
                .WithId("Live"));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
