using System.Globalization;
using CrowdFit.Operations;
using CrowdFit.Service.Errors;
using CrowdFit.Service.Keys;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrowdFit.Service.Findings;

/// <summary><c>/api/projects/{id}/reports/drift</c>: label distribution and agreement by time window, with alerts (SPEC G3).</summary>
internal static class DriftApi
{
    /// <summary>Most answers a window may be asked to hold.</summary>
    public const int MaxMinAnswers = 1_000_000;

    public static RouteGroupBuilder MapDrift(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/projects/{id}/reports").WithTags("Reports").RequireAuthorization(Roles.ReaderPolicy);
        group.MapGet("/drift", Report).WithName("ProjectDrift")
            .WithDescription(
                "Label distribution and agreement with the current labels by window of receive time, each window tested against the ones before. " +
                "window: auto (default: day when the answers span two days or more, else hour), day or hour; minAnswers (default 200): smaller windows are merged forward.");
        return group;
    }

    internal static async Task<Results<Ok<DriftDto>, ValidationProblem, ProblemHttpResult>> Report(
        string id, string? window, int? minAnswers, ProjectCatalog catalog, Database database, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(id, out var host))
        {
            return Problems.NotFound($"Project '{id}' does not exist.");
        }

        var errors = new Dictionary<string, string[]>();
        window ??= "auto";
        if (window is not ("auto" or "day" or "hour"))
        {
            errors["window"] = [$"The window must be auto, day or hour (was '{window}')."];
        }

        var least = minAnswers ?? DriftOptions.Default.MinAnswers;
        if (least is < 1 or > MaxMinAnswers)
        {
            errors["minAnswers"] = [string.Create(CultureInfo.InvariantCulture, $"minAnswers must be in [1, {MaxMinAnswers}] (was {least}).")];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        List<ReceivedAnswer> answers;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var rows = await connection.QueryAsync<(string Task, string Worker, string Label, string ReceivedAt)>(
                "select task_id, worker_id, label, received_at from answers where project_id = @p order by id", new { p = id });
            answers = [.. rows.Select(r => new ReceivedAnswer(r.Task, r.Worker, r.Label, r.ReceivedAt))];
        }

        var version = host.Live.ModelVersion;
        var (report, used) = LiveDrift.Analyze(host, answers, window, least);
        var alerted = report.Alerts.Select(a => a.Window).ToHashSet();
        var windows = report.Windows.Select((w, i) => new DriftWindowDto(
            w.Name, Iso(w.Start), Iso(w.End), w.Answers,
            report.Labels.Select((l, c) => (l, c)).ToDictionary(x => x.l, x => w.LabelCounts[x.c], StringComparer.Ordinal),
            w.Agreement, Finite(w.KrippendorffAlpha), Finite(w.LabelPValue), Finite(w.AgreementPValue), alerted.Contains(i))).ToArray();
        var alerts = report.Alerts.Select(a => new DriftAlertDto(
            a.Window, a.Kind == DriftAlertKind.Agreement ? "agreement" : "labels", a.Label >= 0 ? report.Labels[a.Label] : null, a.Value, a.Baseline, a.PValue, a.Text)).ToArray();
        return TypedResults.Ok(new DriftDto(
            id, version, used, least, report.Answers, windows.Length >= 2, Note(report, used, least), windows, alerts, report.LabelDesignEffect, report.AgreementDesignEffect));
    }

    /// <summary>Why the history is too short to compare windows, or null when it is not.</summary>
    private static string? Note(DriftReport report, string window, int minAnswers) => report.Windows.Count switch
    {
        >= 2 => null,
        _ when report.Answers == 0 => "No answers yet: drift compares windows of received answers.",
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"Not enough history: all answers so far ({report.Answers}) fall in one {window} window; drift compares each window of at least {minAnswers} answers with the ones before, so it needs two."),
    };

    private static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
