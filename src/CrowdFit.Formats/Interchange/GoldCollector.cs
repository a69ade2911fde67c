using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>Collects the gold labels of an export, one per task; the same task with two labels is an error.</summary>
internal sealed class GoldCollector
{
    private readonly string _path;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<GoldLabel> _gold = [];

    /// <summary>Creates an empty collector for the export at <paramref name="path"/>.</summary>
    public GoldCollector(string path) => _path = path;

    /// <summary>The labels in the order first found.</summary>
    public IReadOnlyList<GoldLabel> Gold => _gold;

    /// <summary>Adds the gold label of a task found on <paramref name="line"/>.</summary>
    /// <exception cref="AnswerFormatException">The task already has a different gold label.</exception>
    public void Add(ReadOnlySpan<byte> task, ReadOnlySpan<byte> label, int line, string? columnName)
    {
        var taskText = Encoding.UTF8.GetString(task);
        if (_index.TryGetValue(taskText, out var at))
        {
            var known = _gold[at];
            if (!label.SequenceEqual(Encoding.UTF8.GetBytes(known.Label)))
            {
                throw new AnswerFormatException(
                    _path,
                    line,
                    columnName,
                    $"expected one gold label per task, found {ValueText.Quote(label)} for task {ValueText.Quote(taskText)} whose gold on line {known.Line} is {ValueText.Quote(known.Label)}");
            }

            return;
        }

        _index.Add(taskText, _gold.Count);
        _gold.Add(new GoldLabel(taskText, Encoding.UTF8.GetString(label), line));
    }
}
