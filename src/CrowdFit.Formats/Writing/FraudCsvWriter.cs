using CrowdFit.Formats.Csv;
using CrowdFit.Fraud;

namespace CrowdFit.Formats;

/// <summary>Writes the tables of a fraud analysis: workers with their fraud probability and fitness, and flagged answers.</summary>
public static class FraudCsvWriter
{
    /// <summary>
    /// Writes <c>worker,fraud_probability,flagged,reasons,p_value,onset,answers,accuracy,accuracy_low,accuracy_high,median_seconds,gold_answers,gold_correct</c>:
    /// one row per worker in worker order. <c>onset</c> is the 1-based number, in the worker's own time order,
    /// of the first answer the flag concerns (empty when not flagged); <c>median_seconds</c> is empty when the log
    /// has no times.
    /// </summary>
    /// <param name="result">The analysis.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteWorkers(FraudAnalysisResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var log = result.Log;
        var answers = log.Answers;
        var scores = result.Scores;
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["worker", "fraud_probability", "flagged", "reasons", "p_value", "onset", "answers", "accuracy", "accuracy_low", "accuracy_high", "median_seconds", "gold_answers", "gold_correct"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        var durations = new List<double>();
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var fitness = result.Workers[w];
            durations.Clear();
            var goldAnswers = 0;
            var goldCorrect = 0;
            foreach (var a in log.Timeline(w))
            {
                var seconds = log.Duration(a);
                if (!double.IsNaN(seconds))
                {
                    durations.Add(seconds);
                }

                var gold = log.Gold[answers.Tasks[a]];
                if (gold >= 0)
                {
                    goldAnswers++;
                    goldCorrect += gold == answers.AnswerLabels[a] ? 1 : 0;
                }
            }

            csv.Field(answers.WorkerIds[w]);
            csv.Field(scores.WorkerProbability[w]);
            csv.Field(scores.WorkerFlagged[w] ? 1 : 0);
            csv.Field(scores.WorkerReasons(w));
            csv.Field(scores.WorkerP[w]);
            if (scores.WorkerFlagged[w])
            {
                csv.Field(scores.WorkerOnset[w] + 1);
            }
            else
            {
                csv.Field("");
            }

            csv.Field(fitness.Answers);
            csv.Field(fitness.Accuracy);
            csv.Field(fitness.AccuracyLow);
            csv.Field(fitness.AccuracyHigh);
            if (durations.Count > 0)
            {
                durations.Sort();
                var mid = durations.Count / 2;
                csv.Field(durations.Count % 2 == 1 ? durations[mid] : (durations[mid - 1] + durations[mid]) / 2);
            }
            else
            {
                csv.Field("");
            }

            csv.Field(goldAnswers);
            csv.Field(goldCorrect);
            csv.EndRow();
        }
    }

    /// <summary>
    /// Writes <c>task,worker,fraud_probability,p_value,reasons</c>: one row per flagged answer, in the order the
    /// answers were read.
    /// </summary>
    /// <param name="result">The analysis.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteFlags(FraudAnalysisResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var answers = result.Log.Answers;
        var scores = result.Scores;
        var flagged = new List<int>();
        for (var a = 0; a < answers.Count; a++)
        {
            if (scores.AnswerFlagged[a])
            {
                flagged.Add(a);
            }
        }

        flagged.Sort((x, y) => answers.SourceRow(x).CompareTo(answers.SourceRow(y)));
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["task", "worker", "fraud_probability", "p_value", "reasons"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        foreach (var a in flagged)
        {
            csv.Field(answers.TaskIds[answers.Tasks[a]]);
            csv.Field(answers.WorkerIds[answers.Workers[a]]);
            csv.Field(scores.AnswerProbability[a]);
            csv.Field(scores.AnswerP[a]);
            csv.Field(scores.AnswerReasons(a));
            csv.EndRow();
        }
    }

    /// <summary>
    /// Writes <c>ring,worker,evidence</c>: one row per member of every ring found, rings in order, members
    /// ascending by id; only the header when no ring was found.
    /// </summary>
    /// <param name="result">The analysis.</param>
    /// <param name="destination">The stream to write to.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteRings(FraudAnalysisResult result, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(destination);
        var workerIds = result.Log.Answers.WorkerIds;
        using var csv = new Utf8CsvWriter(destination);
        foreach (var name in (string[])["ring", "worker", "evidence"])
        {
            csv.Field(name);
        }

        csv.EndRow();
        foreach (var ring in result.Rings)
        {
            for (var i = 0; i < ring.Workers.Count; i++)
            {
                csv.Field(ring.Id);
                csv.Field(workerIds[ring.Workers[i]]);
                csv.Field(ring.Evidence[i]);
                csv.EndRow();
            }
        }
    }
}
