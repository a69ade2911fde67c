using System.Globalization;
using CrowdFit.Agreement;
using CrowdFit.Truth;

namespace CrowdFit.Cli;

/// <summary>The short human summary printed after an aggregation.</summary>
internal static class Summary
{
    /// <summary>Confidence below which a task is counted as uncertain in the summary.</summary>
    public const double UncertainBelow = 0.9;

    public static void Print(TruthResult result, TextWriter stdout)
    {
        var answers = result.Answers;
        var counts = new int[answers.ClassCount];
        var uncertain = 0;
        var confidence = 0.0;
        for (var t = 0; t < answers.TaskCount; t++)
        {
            counts[result.Label(t)]++;
            var c = result.Confidence(t);
            confidence += c;
            uncertain += c < UncertainBelow ? 1 : 0;
        }

        var tasks = Math.Max(1, answers.TaskCount);
        var shares = Enumerable.Range(0, answers.ClassCount)
            .OrderByDescending(c => counts[c])
            .Take(6)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{answers.Labels[c]} {100.0 * counts[c] / tasks:F1} %"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"labels: {string.Join(", ", shares)}{(answers.ClassCount > 6 ? ", ..." : "")}"));
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"confidence: mean {confidence / tasks:F3}; {uncertain:N0} tasks ({100.0 * uncertain / tasks:F1} %) below {UncertainBelow:F2}"));

        var kappa = FleissKappa.Compute(answers);
        var alpha = KrippendorffAlpha.Nominal(answers);
        if (kappa.TasksUsed > 0)
        {
            stdout.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"agreement: Fleiss' kappa {kappa.Kappa:F3}, Krippendorff's alpha {alpha.Alpha:F3} over {kappa.TasksUsed:N0} tasks with two answers or more"));
        }

        var workers = result.Workers.Where(w => w.Answers > 0).ToList();
        var weak = workers.Count(w => w.AccuracyHigh < 0.5);
        var median = workers.Count == 0 ? double.NaN : workers.Select(w => w.Accuracy).Order().ElementAt(workers.Count / 2);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"workers: median accuracy {median:F3}; {weak:N0} of {workers.Count:N0} credibly below 0.5 (interval entirely under it)"));
    }
}
