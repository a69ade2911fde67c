using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Reading;

/// <summary>Reads a gold file (<c>task,label</c>) against the tasks of an answer log.</summary>
internal static class GoldFileReader
{
    /// <summary>Reads the gold label of each task as a label id of <paramref name="log"/>, -1 where none.</summary>
    /// <remarks>A label no answer used is added to the log's labels. A repeated row with the same label is accepted.</remarks>
    /// <exception cref="AnswerFormatException">
    /// The file is missing or malformed, a task has no answers in the log, or a task gets two different labels.
    /// </exception>
    public static int[] Read(string path, LogBuilder log, int blockSize)
    {
        using var parser = CsvFile.Open(path, blockSize);
        var header = CsvHeader.Read(parser, "task,label");
        var taskField = header.Require("task");
        var labelField = header.Require("label");
        var gold = new int[log.Tasks.Count];
        var lines = new int[gold.Length];
        Array.Fill(gold, -1);
        while (parser.ReadRecord())
        {
            if (parser.FieldCount != header.Count)
            {
                Throw.Ragged(parser, header.Count);
            }

            var task = ScoresFileReader.FindTask(parser, taskField, log);
            var labelText = parser.Field(labelField);
            if (labelText.IsEmpty)
            {
                Throw.Empty(parser, labelField, "a gold label");
            }

            var label = log.Labels.Intern(labelText);
            if (gold[task] < 0)
            {
                gold[task] = label;
                lines[task] = parser.FieldLine(labelField);
            }
            else if (gold[task] != label)
            {
                Throw.At(
                    parser,
                    labelField,
                    $"expected one gold label per task, found {ValueText.Quote(labelText)} for task {ValueText.Quote(log.Tasks[task])}, which has {ValueText.Quote(log.Labels[gold[task]])} on line {lines[task]}");
            }
        }

        return gold;
    }
}
