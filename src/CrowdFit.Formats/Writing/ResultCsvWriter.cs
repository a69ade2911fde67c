using System.Runtime.CompilerServices;
using CrowdFit.Formats.Csv;
using CrowdFit.Truth;

namespace CrowdFit.Formats;

/// <summary>
/// Writes a <see cref="TruthResult"/> as CSV: one row per task (<c>labels.csv</c>), per worker
/// (<c>workers.csv</c>) or per answer (<c>answers.csv</c>).
/// </summary>
/// <remarks>
/// Output is UTF-8 without a byte order mark, LF line ends, a field quoted only when it holds a comma, quote,
/// CR or LF. Numbers use the invariant culture with up to six significant digits; a NaN is an empty cell.
/// Columns per class follow the class order of the answer set (ordinal order of the labels). Rows follow
/// task, worker and answer order. The stream is written but not closed.
/// </remarks>
public static partial class ResultCsvWriter
{
    /// <summary>
    /// Writes <c>task,label,confidence</c> and one <c>p_&lt;label&gt;</c> column per class: each task's chosen
    /// label, its posterior probability and the whole posterior.
    /// </summary>
    /// <param name="result">The inference result.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteLabels(TruthResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var answers = result.Answers;
        var labels = EncodeAll(answers.Labels);
        using var csv = new Utf8CsvWriter(destination);
        csv.Field("task");
        csv.Field("label");
        csv.Field("confidence");
        foreach (var label in answers.Labels)
        {
            csv.Field("p_" + label);
        }

        csv.EndRow();
        for (var t = 0; t < answers.TaskCount; t++)
        {
            var posterior = result.Posterior(t);
            var chosen = TruthResult.ArgMax(posterior);
            csv.Field(answers.TaskIds[t]);
            csv.Field(labels[chosen]);
            csv.Field(posterior[chosen]);
            foreach (var p in posterior)
            {
                csv.Field(p);
            }

            csv.EndRow();
        }
    }

    /// <summary>
    /// Writes <c>task,worker,label,p_correct</c>: every answer in answer order with the posterior probability
    /// that it is right.
    /// </summary>
    /// <param name="result">The inference result.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteAnswers(TruthResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var answers = result.Answers;
        var labels = EncodeAll(answers.Labels);
        var workers = EncodeAll(answers.WorkerIds);
        var workerOf = answers.Workers;
        var labelOf = answers.AnswerLabels;
        using var csv = new Utf8CsvWriter(destination);
        csv.Field("task");
        csv.Field("worker");
        csv.Field("label");
        csv.Field("p_correct");
        csv.EndRow();
        for (var t = 0; t < answers.TaskCount; t++)
        {
            // Answers are grouped by task, so each task id is encoded once for all its answers.
            var task = Utf8CsvWriter.Encode(answers.TaskIds[t]);
            for (var a = answers.TaskStart(t); a < answers.TaskStart(t + 1); a++)
            {
                csv.Field(task);
                csv.Field(workers[workerOf[a]]);
                csv.Field(labels[labelOf[a]]);
                csv.Field(result.AnswerCorrectProbability(a));
                csv.EndRow();
            }
        }
    }

    private static byte[][] EncodeAll(IReadOnlyList<string> values)
    {
        var encoded = new byte[values.Count][];
        for (var i = 0; i < encoded.Length; i++)
        {
            encoded[i] = Utf8CsvWriter.Encode(values[i]);
        }

        return encoded;
    }
}
