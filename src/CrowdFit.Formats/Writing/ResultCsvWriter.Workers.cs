using System.Runtime.CompilerServices;
using CrowdFit.Formats.Csv;
using CrowdFit.Truth;

namespace CrowdFit.Formats;

/// <summary>The per-worker table.</summary>
public static partial class ResultCsvWriter
{
    /// <summary>
    /// Writes <c>worker,answers,accuracy,accuracy_low,accuracy_high</c> and one
    /// <c>confusion_&lt;true&gt;_&lt;observed&gt;</c> column per cell of the K×K confusion matrix, row-major
    /// (true label outer, observed label inner).
    /// </summary>
    /// <param name="result">The inference result.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void WriteWorkers(TruthResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var answers = result.Answers;
        var labels = answers.Labels;
        using var csv = new Utf8CsvWriter(destination);
        csv.Field("worker");
        csv.Field("answers");
        csv.Field("accuracy");
        csv.Field("accuracy_low");
        csv.Field("accuracy_high");
        foreach (var truth in labels)
        {
            foreach (var observed in labels)
            {
                csv.Field($"confusion_{truth}_{observed}");
            }
        }

        csv.EndRow();
        foreach (var worker in result.Workers)
        {
            csv.Field(answers.WorkerIds[worker.Worker]);
            csv.Field(worker.Answers);
            csv.Field(worker.Accuracy);
            csv.Field(worker.AccuracyLow);
            csv.Field(worker.AccuracyHigh);
            foreach (var cell in worker.Confusion.Span)
            {
                csv.Field(cell);
            }

            csv.EndRow();
        }
    }
}
