using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Fraud;
using CrowdFit.Operations;
using CrowdFit.Simulation.Adversarial;
using CrowdFit.Truth;
using CrowdFit.Workforce;

namespace CrowdFit.Simulation.Tests.Adversarial;

/// <summary>
/// A simulated crowd written to disk, read back from its files and put through the engine the way
/// <c>crowdfit analyze</c> does: the fraud pass, then pay, drift by day and the cohort audit by country.
/// </summary>
internal sealed class OperationsRun
{
    private readonly string[][] _rows;
    private readonly (string Task, string Label)[] _gold;
    private readonly bool[] _correct;

    private OperationsRun(string[][] rows, (string Task, string Label)[] gold, bool[] correct, string[] plantedRows, Dictionary<string, string> kinds)
    {
        _rows = rows;
        _gold = gold;
        _correct = correct;
        PlantedRows = plantedRows;
        (Answers, Context, Gold) = Build(rows, gold);
        Fraud = FraudAnalysis.Run(Answers, Context, Gold, FraudDetectors.Create());
        Pay = EffectivePay.Analyze(Answers, Context);
        Drift = CrowdFit.Operations.Drift.Analyze(Answers, Context, Fraud.Truth);
        var difficulty = new double[Answers.TaskCount];
        for (var t = 0; t < difficulty.Length; t++)
        {
            difficulty[t] = 1 - Fraud.Truth.Confidence(t);
        }

        Cohorts = CohortAudit.Analyze(Answers, Context, Fraud.Scores.WorkerFlagged, difficulty);
        Workers = rows.Select((f, row) => (Worker: f[1], Country: f[7], Row: row))
            .GroupBy(r => r.Worker, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (Kind: kinds[g.Key], Country: g.GroupBy(r => r.Country, StringComparer.Ordinal).OrderByDescending(c => c.Count()).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key),
                StringComparer.Ordinal);
    }

    /// <summary>The rows of <c>truth/planted.csv</c> after its header.</summary>
    public string[] PlantedRows { get; }

    public AnswerSet Answers { get; }

    public AnswerContext Context { get; }

    public GoldLabels Gold { get; }

    public FraudAnalysisResult Fraud { get; }

    public PayReport Pay { get; }

    public DriftReport Drift { get; }

    public CohortReport Cohorts { get; }

    /// <summary>Each worker's kind (from the truth) and most frequent login country (from the log).</summary>
    public Dictionary<string, (string Kind, string Country)> Workers { get; }

    /// <summary>The planted row of a problem split into its seven fields, or null when that problem was not planted.</summary>
    public string[]? Planted(string problem) =>
        PlantedRows.Select(r => r.Split(',', 7)).FirstOrDefault(f => f[0] == problem);

    /// <summary>Flagged and all honest workers whose login country is, or is not, <paramref name="country"/>.</summary>
    public (int Flagged, int Workers) HonestFlags(string country, bool inCountry)
    {
        var flagged = 0;
        var workers = 0;
        for (var w = 0; w < Answers.WorkerCount; w++)
        {
            var (kind, home) = Workers[Answers.WorkerIds[w]];
            if (kind == "honest" && (home == country) == inCountry)
            {
                workers++;
                flagged += Fraud.Scores.WorkerFlagged[w] ? 1 : 0;
            }
        }

        return (flagged, workers);
    }

    /// <summary>Share of the honest workers' answers equal to the true label, for workers whose login country is, or is not, <paramref name="country"/>.</summary>
    public double HonestAccuracy(string country, bool inCountry)
    {
        var right = 0;
        var all = 0;
        for (var row = 0; row < _rows.Length; row++)
        {
            var (kind, home) = Workers[_rows[row][1]];
            if (kind == "honest" && (home == country) == inCountry)
            {
                all++;
                right += _correct[row] ? 1 : 0;
            }
        }

        return (double)right / all;
    }

    /// <summary>Drift of the answers of one task type alone, against truth inferred from them alone.</summary>
    public DriftReport DriftOf(string taskType)
    {
        var rows = _rows.Where(f => f[9] == taskType).ToArray();
        var (answers, context, gold) = Build(rows, _gold);
        return CrowdFit.Operations.Drift.Analyze(answers, context, TruthMethods.CreateDefault().Infer(answers, gold));
    }

    public static OperationsRun Analyze(AdversarialCrowdOptions options)
    {
        using var directory = new TemporaryDirectory();
        AdversarialCrowd.Generate(options).WriteTo(directory.Path);
        var lines = File.ReadAllLines(System.IO.Path.Combine(directory.Path, AdversarialCrowd.AnswersFileName));
        Assert.Equal(AdversarialCrowd.AnswersHeader, lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToArray();

        // The truth's answers are written in the log's row order.
        var truth = File.ReadLines(System.IO.Path.Combine(directory.Path, "truth", "answers.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(rows.Length, truth.Length);
        var correct = new bool[rows.Length];
        for (var row = 0; row < rows.Length; row++)
        {
            Assert.Equal((rows[row][0], rows[row][1]), (truth[row][0], truth[row][1]));
            correct[row] = rows[row][2] == truth[row][2];
        }

        var gold = File.ReadLines(System.IO.Path.Combine(directory.Path, AdversarialCrowd.GoldFileName)).Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (f[0], f[1]))
            .ToArray();
        var planted = File.ReadAllLines(System.IO.Path.Combine(directory.Path, "truth", AdversarialCrowd.PlantedFileName));
        Assert.Equal(AdversarialCrowd.PlantedHeader, planted[0]);
        var kinds = File.ReadLines(System.IO.Path.Combine(directory.Path, "truth", "workers.csv")).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        return new OperationsRun(rows, gold, correct, planted[1..], kinds);
    }

    /// <summary>The answer set and context of canonical log rows (no quoting: the simulator writes none), with the gold of their tasks.</summary>
    private static (AnswerSet Answers, AnswerContext Context, GoldLabels Gold) Build(string[][] rows, (string Task, string Label)[] gold)
    {
        var n = rows.Length;
        var ids = new Interner[3];
        var columns = new Interner[5];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = new Interner(n);
        }

        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = new Interner(n);
        }

        var started = new long[n];
        var submitted = new long[n];
        var reward = new double[n];
        for (var row = 0; row < n; row++)
        {
            var f = rows[row];
            ids[0].Add(f[0]);
            ids[1].Add(f[1]);
            ids[2].Add(f[2]);
            started[row] = DateTimeOffset.Parse(f[3], CultureInfo.InvariantCulture).UtcTicks;
            submitted[row] = DateTimeOffset.Parse(f[4], CultureInfo.InvariantCulture).UtcTicks;
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c].Add(f[5 + c]);
            }

            reward[row] = double.Parse(f[10], CultureInfo.InvariantCulture);
        }

        var answers = AnswerSet.FromColumns([.. ids[0].Values], [.. ids[1].Values], [.. ids[2].Values], ids[0].Codes, ids[1].Codes, ids[2].Codes);
        var context = new AnswerContext(
            n,
            started,
            submitted,
            ip: columns[0].Column(),
            device: columns[1].Column(),
            country: columns[2].Column(),
            paymentCountry: columns[3].Column(),
            taskType: columns[4].Column(),
            reward: reward);
        return (answers, context, GoldLabels.FromPairs(answers, gold.Where(g => answers.FindTask(g.Task) >= 0)));
    }

    /// <summary>Dense codes for the values of one column, in order of first appearance.</summary>
    private sealed class Interner(int rows)
    {
        private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
        private int _next;

        public List<string> Values { get; } = [];

        public int[] Codes { get; } = new int[rows];

        public void Add(string value)
        {
            if (!_codes.TryGetValue(value, out var code))
            {
                code = Values.Count;
                _codes[value] = code;
                Values.Add(value);
            }

            Codes[_next++] = code;
        }

        public CategoricalColumn Column() => new([.. Values], Codes);
    }
}
