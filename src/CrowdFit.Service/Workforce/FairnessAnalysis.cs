using CrowdFit.Operations;
using CrowdFit.Reports;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Review;
using CrowdFit.Workforce;

namespace CrowdFit.Service.Workforce;

/// <summary>Runs the engine's <see cref="CohortAudit"/> by worker country over a project's stored answers.</summary>
internal static class FairnessAnalysis
{
    public static FairnessReportDto Run(ProjectHost host, ProjectLog log, PayReport? pay, string[] tasks)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;
        var withCountry = log.WorkerCountry.Count(c => c != CohortAudit.UnknownName);
        var flagged = new bool[workers];
        var rejected = new bool[workers];
        for (var w = 0; w < workers; w++)
        {
            flagged[w] = WorkerProbe.Of(host.Live, answers.WorkerIds[w], tasks).Flag is not null;
        }

        for (var a = 0; a < answers.Count; a++)
        {
            rejected[answers.Workers[a]] |= log.Rejected[answers.SourceRow(a)];
        }

        string? skipped = workers == 0 ? "the project has no answers yet"
            : withCountry == 0 ? "no worker who answered has a country in their profile (POST .../workers with country), so workers cannot be grouped by country"
            : null;
        var difficulty = AnalysisInputs.Disagreement(answers);
        return new FairnessReportDto(
            host.Id, CohortOptions.CountryColumn, workers, withCountry,
            Audit("flagged", skipped, log, flagged, difficulty), Audit("rejected", skipped, log, rejected, difficulty),
            Summaries(log, pay), pay is { Ran: true } ? null : pay?.SkippedBecause ?? "the project was created without pay (pay.reward)");
    }

    private static CohortAuditDto Audit(string measure, string? skipped, ProjectLog log, bool[] marked, double[] difficulty)
    {
        if (skipped is not null)
        {
            return new CohortAuditDto(measure, skipped, null, 0, 0, 0, [], []);
        }

        var options = CohortOptions.Default;
        var report = CohortAudit.Analyze(log.Answers, log.Context, marked, difficulty, options);
        if (!report.Ran)
        {
            return new CohortAuditDto(measure, report.SkippedBecause, null, 0, 0, 0, [], []);
        }

        var rows = report.Cohorts.Select(c => new CohortRowDto(
            c.Name, c.Workers, c.Flagged, c.FlagRate, c.Expected, c.Workers > 0 ? c.Expected / c.Workers : 0, PayAnalysis.Finite(c.Ratio), c.Tested,
            PayAnalysis.Finite(c.PValue), PayAnalysis.Finite(c.AdjustedPValue), c.Finding));
        var note = report.TestedCohorts == 0
            ? $"No cohort has the {options.MinWorkers} workers a test needs, so none is tested: the shares are shown, but they cannot tell an effect from chance."
            : report.Cohorts.Any(c => !c.Tested) ? $"Cohorts under {options.MinWorkers} workers are shown untested." : null;
        return new CohortAuditDto(measure, null, note, report.Workers, report.Flagged, report.TestedCohorts, [.. rows], report.Findings);
    }

    private static CohortSummaryDto[] Summaries(ProjectLog log, PayReport? pay)
    {
        var answers = log.Answers;
        var rates = new Dictionary<string, WorkerPay>(StringComparer.Ordinal);
        foreach (var w in pay?.Workers ?? [])
        {
            rates[w.WorkerId] = w;
        }

        var cohorts = new SortedDictionary<string, (int Workers, int Answers, int Rejected, List<double> Rates, int Below)>(
            Comparer<string>.Create((x, y) => (x == CohortAudit.UnknownName).CompareTo(y == CohortAudit.UnknownName) is var u and not 0 ? u : string.CompareOrdinal(x, y)));
        var perWorker = new int[answers.WorkerCount];
        var rejectedPerWorker = new int[answers.WorkerCount];
        for (var a = 0; a < answers.Count; a++)
        {
            var w = answers.Workers[a];
            perWorker[w]++;
            rejectedPerWorker[w] += log.Rejected[answers.SourceRow(a)] ? 1 : 0;
        }

        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var name = log.WorkerCountry[w];
            var c = cohorts.TryGetValue(name, out var found) ? found : (0, 0, 0, [], 0);
            c.Workers++;
            c.Answers += perWorker[w];
            c.Rejected += rejectedPerWorker[w];
            if (rates.TryGetValue(answers.WorkerIds[w], out var rate) && double.IsFinite(rate.HourlyPay))
            {
                c.Rates.Add(rate.HourlyPay);
                c.Below += rate.BelowFloor ? 1 : 0;
            }

            cohorts[name] = c;
        }

        return [.. cohorts.Select(c => new CohortSummaryDto(
            c.Key, c.Value.Workers, c.Value.Answers, c.Value.Rejected, c.Value.Answers > 0 ? (double)c.Value.Rejected / c.Value.Answers : 0,
            c.Value.Rates.Count, Median(c.Value.Rates), c.Value.Below))];
    }

    /// <summary>The median (mean of the middle two for an even count); null for none.</summary>
    private static double? Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
