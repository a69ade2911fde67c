using System.Runtime.CompilerServices;
using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Reading;

/// <summary>Reads the canonical answers file (<c>task,worker,label</c> and optional context columns).</summary>
internal static class AnswerFileReader
{
    /// <summary>Reads <paramref name="path"/> into a new <see cref="LogBuilder"/>.</summary>
    /// <exception cref="AnswerFormatException">The file is missing, malformed or has no answers.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LogBuilder Read(string path, ReaderOptions options)
    {
        using var parser = CsvFile.Open(path, options.BlockSize, countLines: true);
        return Read(parser, path, options);
    }

    /// <summary>Reads the canonical CSV records of <paramref name="parser"/> into a new <see cref="LogBuilder"/>.</summary>
    /// <param name="parser">A parser at the start of the CSV text.</param>
    /// <param name="path">The file named in errors.</param>
    /// <param name="options">Reader options.</param>
    /// <exception cref="AnswerFormatException">The text is malformed or has no answers.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static LogBuilder Read(Utf8CsvParser parser, string path, ReaderOptions options)
    {
        var header = CsvHeader.Read(parser, "task,worker,label");
        var taskField = header.Require("task");
        var workerField = header.Require("worker");
        var labelField = header.Require("label");
        
        // Lines after the header bound the rows; for the usual file (no blank lines, no line breaks inside
        // quotes) they are exactly the rows, so the columns need no copy at the end.
        var capacity = parser.LineCount < 0 ? 1024 : (int)Math.Min(parser.LineCount - 1, LogBuilder.MaxAnswers);
        var log = new LogBuilder(path, ContextReader.Create(parser, header, capacity), capacity);
        var modelId = Encoding.UTF8.GetBytes(options.ModelWorkerId);
        var fieldCount = header.Count;
        var (tasks, workers, labels, context) = (log.Tasks, log.Workers, log.Labels, log.Context);
        var (taskColumn, workerColumn, labelColumn) = (log.Task, log.Worker, log.Label);
        var task = -1;
        var rows = 0;
        while (parser.ReadRecord())
        {
            if (parser.FieldCount != fieldCount)
            {
                Throw.Ragged(parser, fieldCount);
            }

            // Logs are usually grouped by task, so most rows repeat the previous task id.
            var taskId = parser.Field(taskField);
            if (task < 0 || !taskId.SequenceEqual(tasks.Bytes(task)))
            {
                if (taskId.IsEmpty)
                {
                    Throw.Empty(parser, taskField, "a task id");
                }

                task = tasks.Intern(taskId, out _);
            }

            var workerId = parser.Field(workerField);
            if (workerId.IsEmpty)
            {
                Throw.Empty(parser, workerField, "a worker id");
            }

            var worker = workers.Intern(workerId, out var added);
            if (added && workerId.SequenceEqual(modelId))
            {
                log.ModelIdLine = parser.RecordLine;
            }

            var label = parser.Field(labelField);
            if (label.IsEmpty)
            {
                Throw.Empty(parser, labelField, "a label");
            }

            taskColumn.Add(task);
            workerColumn.Add(worker);
            labelColumn.Add(labels.Intern(label));
            context?.Add();
            if (++rows == LogBuilder.MaxAnswers)
            {
                throw new AnswerFormatException(path, parser.RecordLine, null, $"expected at most {LogBuilder.MaxAnswers} answers, found more");
            }
        }

        if (rows == 0)
        {
            throw new AnswerFormatException(path, parser.NextLine, null, "expected at least one answer after the header, found no answers");
        }

        log.Rows = rows;
        return log;
    }
}
