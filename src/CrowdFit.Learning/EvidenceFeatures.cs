using CrowdFit.Fraud;

namespace CrowdFit.Learning;

/// <summary>
/// The features the supervised model learns from, one row per answer: each detector's evidence on the answer
/// and on its worker (as −log₁₀ p, capped), the answer's disagreement with the inferred truth, the worker's
/// estimated accuracy, and the claimed time relative to the task type's median (0 when times are unknown).
/// </summary>
internal static class EvidenceFeatures
{
    /// <summary>Cap on −log₁₀ p, so that a p-value of 0 (a rule hit) is a finite feature.</summary>
    private const float Cap = 30;

    public static (float[] Rows, int Width, string[] Names) Build(WorkLog log, IReadOnlyList<DetectorReport> evidence)
    {
        var ran = evidence.Where(r => r.Ran).ToArray();
        List<string> names = [];
        foreach (var report in ran)
        {
            names.Add($"{report.Detector}.answer");
            names.Add($"{report.Detector}.worker");
        }

        names.AddRange(["truth.disagreement", "worker.accuracy", "time.relative"]);
        var width = names.Count;
        var answers = log.Answers;
        var n = answers.Count;
        var rows = new float[n * width];
        var relative = RelativeTime(log);
        for (var a = 0; a < n; a++)
        {
            var row = rows.AsSpan(a * width, width);
            var worker = answers.Workers[a];
            var c = 0;
            foreach (var report in ran)
            {
                row[c++] = Surprise(report.AnswerP[a]);
                row[c++] = Surprise(report.WorkerP[worker]);
            }

            row[c++] = (float)(1 - log.Truth.AnswerCorrectProbability(a));
            row[c++] = (float)log.Truth.Workers[worker].Accuracy;
            row[c] = relative[a];
        }

        return (rows, width, [.. names]);
    }

    private static float Surprise(double p) => p <= 0 ? Cap : (float)Math.Min(Cap, -Math.Log10(Math.Min(1, p)));

    private static float[] RelativeTime(WorkLog log)
    {
        var n = log.Answers.Count;
        var relative = new float[n];
        if (!log.HasStartTimes || !log.HasSubmitTimes)
        {
            return relative;
        }

        var byType = new List<double>[log.TaskTypeCount];
        for (var t = 0; t < byType.Length; t++)
        {
            byType[t] = [];
        }

        for (var a = 0; a < n; a++)
        {
            if (log.Duration(a) is var d && d > 0)
            {
                byType[log.TaskType(a)].Add(Math.Log(d));
            }
        }

        var median = byType.Select(v => v.Count == 0 ? 0 : v.Order().ElementAt(v.Count / 2)).ToArray();
        for (var a = 0; a < n; a++)
        {
            relative[a] = log.Duration(a) is var d && d > 0 ? (float)(Math.Log(d) - median[log.TaskType(a)]) : 0;
        }

        return relative;
    }
}
