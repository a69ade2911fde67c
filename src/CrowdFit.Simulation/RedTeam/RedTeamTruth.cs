namespace CrowdFit.Simulation.RedTeam;

/// <summary>
/// The known truth of a simulated crowd as written beside its log: each worker's kind
/// (<c>truth/workers.csv</c>: <c>worker,kind,…</c>) and, per answer, whether it is bad and which attack made it
/// (<c>truth/answers.csv</c>: <c>task,worker,true_label,is_bad,attack</c>).
/// </summary>
public sealed class RedTeamTruth
{
    /// <summary>The kind of an honest worker.</summary>
    public const string HonestKind = "honest";

    private readonly Dictionary<string, string> _kinds;
    private readonly Dictionary<(string Task, string Worker), (bool Bad, string Attack)> _answers;
    private readonly Dictionary<string, string> _taskLabels;

    private RedTeamTruth(Dictionary<string, string> kinds, Dictionary<(string, string), (bool, string)> answers, Dictionary<string, string> taskLabels)
    {
        _kinds = kinds;
        _answers = answers;
        _taskLabels = taskLabels;
    }

    /// <summary>The true label of task <paramref name="task"/>, or <see langword="null"/> when unknown.</summary>
    public string? TrueLabelOf(string task) => _taskLabels.GetValueOrDefault(task);

    /// <summary>Every kind present, honest first, then the others in ordinal order.</summary>
    public IReadOnlyList<string> Kinds => [.. _kinds.Values.Distinct().OrderBy(k => k == HonestKind ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal)];

    /// <summary>Every attack that made at least one bad answer, in ordinal order.</summary>
    public IReadOnlyList<string> Attacks => [.. _answers.Values.Where(v => v.Bad).Select(v => v.Attack).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The kind of worker <paramref name="worker"/>, or <see langword="null"/> when the truth does not list it.</summary>
    public string? KindOf(string worker) => _kinds.GetValueOrDefault(worker);

    /// <summary>Whether the answer of <paramref name="worker"/> on <paramref name="task"/> is bad and by which attack; <see langword="null"/> when unknown.</summary>
    public (bool Bad, string Attack)? AnswerOf(string task, string worker) => _answers.TryGetValue((task, worker), out var value) ? value : null;

    /// <summary>Reads the truth files of a simulated crowd.</summary>
    /// <param name="directory">The directory that holds the <c>truth</c> folder.</param>
    /// <exception cref="InvalidDataException">A file lacks a needed column or has a malformed row (file and line named).</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static RedTeamTruth Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, at) in Rows(Path.Combine(directory, "truth", "workers.csv"), ["worker", "kind"]))
        {
            kinds[row[at[0]]] = row[at[1]];
        }

        var answers = new Dictionary<(string, string), (bool, string)>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (row, at) in Rows(Path.Combine(directory, "truth", "answers.csv"), ["task", "worker", "is_bad", "attack", "true_label"]))
        {
            answers[(row[at[0]], row[at[1]])] = (row[at[2]] is "1" or "true", row[at[3]]);
            labels[row[at[0]]] = row[at[4]];
        }

        return new RedTeamTruth(kinds, answers, labels);
    }

    private static IEnumerable<(string[] Row, int[] At)> Rows(string path, string[] needed)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',') ?? throw new InvalidDataException($"{path}: the file is empty.");
        var at = needed.Select(name => Array.IndexOf(header, name)).ToArray();
        if (Array.IndexOf(at, -1) is var missing and >= 0)
        {
            throw new InvalidDataException($"{path}:1: column '{needed[missing]}' is missing.");
        }

        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var row = text.Split(',');
            if (row.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{line}: expected {header.Length} fields, found {row.Length}.");
            }

            yield return (row, at);
        }
    }
}
