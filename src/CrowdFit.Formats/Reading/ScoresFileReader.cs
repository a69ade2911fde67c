using System.Globalization;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Reading;

/// <summary>
/// Reads a model scores file (<c>task,label,score</c>): the model's probability for some labels of some tasks.
/// The model answers each scored task with its highest-scoring label.
/// </summary>
internal static class ScoresFileReader
{
    /// <summary>Reads the model's answer per task as a label id of <paramref name="log"/>, -1 where it gave none.</summary>
    /// <remarks>
    /// Every label of the file joins the log's labels, chosen or not. Equal top scores go to the label first in
    /// ordinal order, the tie rule of the truth methods.
    /// </remarks>
    /// <exception cref="AnswerFormatException">
    /// The file is missing or malformed, a task has no answers in the log, a score is not a number in [0, 1],
    /// or a task and label are scored twice.
    /// </exception>
    public static int[] Read(string path, LogBuilder log, int blockSize)
    {
        using var parser = CsvFile.Open(path, blockSize);
        var header = CsvHeader.Read(parser, "task,label,score");
        var taskField = header.Require("task");
        var labelField = header.Require("label");
        var scoreField = header.Require("score");
        var best = new int[log.Tasks.Count];
        var bestScore = new double[best.Length];
        var scored = new HashSet<long>();
        Array.Fill(best, -1);
        while (parser.ReadRecord())
        {
            if (parser.FieldCount != header.Count)
            {
                Throw.Ragged(parser, header.Count);
            }

            var task = FindTask(parser, taskField, log);
            var labelText = parser.Field(labelField);
            if (labelText.IsEmpty)
            {
                Throw.Empty(parser, labelField, "a label");
            }

            var label = log.Labels.Intern(labelText);
            var score = Score(parser, scoreField);
            if (!scored.Add(((long)task << 32) | (uint)label))
            {
                Throw.At(parser, labelField, $"expected one score per task and label, found a second score of {ValueText.Quote(labelText)} for task {ValueText.Quote(log.Tasks[task])}");
            }

            var current = best[task];
            if (current < 0 || score > bestScore[task]
                || (score == bestScore[task] && string.CompareOrdinal(log.Labels[label], log.Labels[current]) < 0))
            {
                best[task] = label;
                bestScore[task] = score;
            }
        }

        return best;
    }

    /// <summary>The task index of the current record's task cell.</summary>
    /// <exception cref="AnswerFormatException">The cell is empty or names a task without answers.</exception>
    internal static int FindTask(Utf8CsvParser parser, int field, LogBuilder log)
    {
        var taskId = parser.Field(field);
        if (taskId.IsEmpty)
        {
            Throw.Empty(parser, field, "a task id");
        }

        var task = log.Tasks.Find(taskId);
        if (task < 0)
        {
            Throw.At(parser, field, $"expected a task with answers in {log.AnswersPath}, found {ValueText.Quote(taskId)}, which has none");
        }

        return task;
    }

    private static double Score(Utf8CsvParser parser, int field)
    {
        if (!double.TryParse(parser.Field(field), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) || double.IsNaN(score))
        {
            Throw.Invalid(parser, field, "a probability (a number in [0, 1])");
        }

        if (score is < 0 or > 1)
        {
            Throw.Invalid(parser, field, "a probability in [0, 1]");
        }

        return score;
    }
}
