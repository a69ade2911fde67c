using System.Text;
using CrowdFit.Answers;
using CrowdFit.Formats.Csv;
using CrowdFit.Formats.Reading;
using CrowdFit.Fraud;

namespace CrowdFit.Formats;

/// <summary>
/// Reads analysts' decisions on flags: CSV with columns <c>worker,decision</c> and optionally <c>task</c>. A row
/// with a task decides one answer; a row with an empty or absent task decides every answer of the worker.
/// </summary>
/// <remarks>
/// <c>decision</c> is <c>fraud</c> (also <c>confirmed</c>, <c>1</c>, <c>true</c>) or <c>ok</c> (also
/// <c>cleared</c>, <c>honest</c>, <c>0</c>, <c>false</c>), in any letter case.
/// </remarks>
public static class ConfirmationReader
{
    /// <summary>Reads the decisions and resolves them against the answers.</summary>
    /// <param name="path">The decisions file.</param>
    /// <param name="answers">The answers they are about.</param>
    /// <returns>The decisions per answer.</returns>
    /// <exception cref="AnswerFormatException">The file is missing or malformed, a decision is not recognised, or a row names a worker or answer the log does not have.</exception>
    public static Confirmations Read(string path, AnswerSet answers)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(answers);
        using var parser = CsvFile.Open(path, new ReaderOptions().BlockSize);
        var header = CsvHeader.Read(parser, "task,worker,decision");
        var workerField = header.Require("worker");
        var decisionField = header.Require("decision");
        var taskField = header.IndexOf("task");
        List<(string?, string, bool)> decisions = [];
        while (parser.ReadRecord())
        {
            if (parser.FieldCount != header.Count)
            {
                Throw.Ragged(parser, header.Count);
            }

            var worker = Encoding.UTF8.GetString(parser.Field(workerField));
            if (worker.Length == 0)
            {
                Throw.Empty(parser, workerField, "a worker id");
            }

            if (answers.FindWorker(worker) < 0)
            {
                Throw.At(parser, workerField, $"expected a worker of the answer log, found {ValueText.Quote(worker)}");
            }

            string? task = taskField < 0 || parser.Field(taskField).IsEmpty ? null : Encoding.UTF8.GetString(parser.Field(taskField));
            var fraud = Encoding.UTF8.GetString(parser.Field(decisionField)).Trim().ToUpperInvariant() switch
            {
                "FRAUD" or "CONFIRMED" or "1" or "TRUE" => true,
                "OK" or "CLEARED" or "HONEST" or "0" or "FALSE" => false,
                _ => Invalid(parser, decisionField),
            };
            var (_, unknown) = Confirmations.Resolve(answers, [(task, worker, fraud)]);
            if (unknown.Count > 0)
            {
                Throw.At(parser, taskField, $"expected a task that worker {ValueText.Quote(worker)} answered, found {ValueText.Quote(task ?? "")}");
            }

            decisions.Add((task, worker, fraud));
        }

        return Confirmations.Resolve(answers, decisions).Confirmations;
    }

    private static bool Invalid(Utf8CsvParser parser, int field)
    {
        Throw.Invalid(parser, field, "a decision: fraud or ok");
        return false;
    }
}
