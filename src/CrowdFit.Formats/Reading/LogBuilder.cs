using CrowdFit.Answers;
using CrowdFit.Formats.Columns;
using CrowdFit.Formats.Interning;

namespace CrowdFit.Formats.Reading;

/// <summary>
/// What the readers collect before the answer set exists: interned ids and labels, the answer columns and
/// the context. Gold and scores resolve their tasks against it and may add labels to it.
/// </summary>
internal sealed class LogBuilder(string answersPath, ContextReader? context, int capacity)
{
    /// <summary>Most answers a log may hold (the largest array length).</summary>
    public static readonly int MaxAnswers = Array.MaxLength;

    /// <summary>The answers file as the caller named it.</summary>
    public string AnswersPath { get; } = answersPath;

    /// <summary>Task ids in order of first appearance; the index is the task index of the answer set.</summary>
    public ByteInterner Tasks { get; } = new(1024);

    /// <summary>Worker ids in order of first appearance.</summary>
    public ByteInterner Workers { get; } = new(256);

    /// <summary>Labels of answers, gold and scores.</summary>
    public LabelTable Labels { get; } = new();

    /// <summary>Task of each answer row.</summary>
    public GrowableColumn<int> Task { get; } = new(capacity);

    /// <summary>Worker of each answer row.</summary>
    public GrowableColumn<int> Worker { get; } = new(capacity);

    /// <summary>Label of each answer row (a <see cref="Labels"/> id).</summary>
    public GrowableColumn<int> Label { get; } = new(capacity);

    /// <summary>The optional columns, when the file has any.</summary>
    public ContextReader? Context { get; } = context;

    /// <summary>Rows read from the answers file.</summary>
    public int Rows { get; set; }

    /// <summary>Line where the model's worker id first appears as a human worker; 0 when it does not.</summary>
    public int ModelIdLine { get; set; }

    /// <summary>Builds the log; <paramref name="gold"/> and <paramref name="model"/> hold a label id per task or -1.</summary>
    public AnswerLog Build(int[]? gold, int[]? model, string modelWorkerId)
    {
        var modelRows = model is null ? 0 : model.Count(label => label >= 0);
        if ((long)Rows + modelRows > MaxAnswers)
        {
            throw new AnswerFormatException(AnswersPath, 0, null, $"expected at most {MaxAnswers} answers including the model's, found {(long)Rows + modelRows}");
        }

        var total = Rows + modelRows;
        var task = Task.ToArray(total, 0);
        var worker = Worker.ToArray(total, Workers.Count);
        var label = Label.ToArray(total, 0);
        for (int t = 0, row = Rows; model is not null && t < model.Length; t++)
        {
            if (model[t] >= 0)
            {
                task[row] = t;
                label[row++] = model[t];
            }
        }

        var labels = Labels.ToArray();
        var workerIds = modelRows > 0 ? Workers.ToArray(release: true, modelWorkerId) : Workers.ToArray(release: true);
        var answers = AnswerSet.FromColumns(Tasks.ToArray(release: true), workerIds, labels, task, worker, label, idsKnownDistinct: true);
        return new AnswerLog(
            answers,
            gold is null ? null : ToGold(answers, labels, gold),
            Context?.Build(total),
            modelRows > 0 ? workerIds.Length - 1 : null);
    }

    private static GoldLabels ToGold(AnswerSet answers, string[] labels, int[] gold)
    {
        // The answer set orders classes by label text, so label ids of the table are mapped by text.
        var classOf = Array.ConvertAll(labels, answers.FindLabel);
        var perTask = Array.ConvertAll(gold, id => id < 0 ? GoldLabels.None : classOf[id]);
        return GoldLabels.FromPerTask(perTask, answers.ClassCount);
    }
}
