using System.Globalization;
using System.Text.Json;
using CrowdFit.Live;
using CrowdFit.Quality;
using CrowdFit.Service.Answers;
using CrowdFit.Service.Projects;
using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Audit;

/// <summary>
/// Appends to the decision log the tasks that re-estimations reopened or accepted (<see cref="LiveProject.TakeChanges"/>),
/// oldest first, as actor <c>engine</c>, every <c>Audit:ChangeSeconds</c> seconds (default 1; 0 turns it off) and once
/// more when the service stops. Changes made while a project is replayed at startup were logged when they first happened.
/// </summary>
internal sealed partial class EngineChanges(
    ProjectCatalog catalog, CommitQueue queue, TimeProvider clock, IConfiguration configuration, ILogger<EngineChanges> logger)
    : PeriodicService(configuration, "Audit:ChangeSeconds", 1.0)
{
    /// <summary>Reason prefix of an entry: which re-estimation changed the decision, and why.</summary>
    public const string Because = "re-estimation";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Enabled)
        {
            await DrainAsync();
        }
    }

    /// <summary>The decision log entry of a changed decision: <c>accept</c>, <c>reopen</c> or <c>review</c>.</summary>
    public static DecisionLogRow Entry(ProjectHost host, TaskChange change, string at)
    {
        var decision = change.Decision;
        return new DecisionLogRow
        {
            ProjectId = host.Id,
            TaskId = change.Task,
            Action = decision.Kind switch { DecisionKind.Accept => "accept", DecisionKind.Review => "review", _ => "reopen" },
            Label = decision.Label >= 0 ? host.Live.Labels[decision.Label] : null,
            Confidence = decision.Confidence,
            ExtraAnswers = decision.More,
            Reasons = JsonSerializer.Serialize<string[]>(
                [string.Create(CultureInfo.InvariantCulture, $"{Because} {change.ModelVersion}: {change.Cause}"), .. decision.Reasons]),
            ModelVersion = change.ModelVersion,
            Actor = AnswersApi.Actor,
            At = at,
        };
    }

    protected override Task TickAsync(CancellationToken stoppingToken) => DrainAsync();

    /// <summary>Queues every project's changes under its gate, so they are chained in the order the engine made them.</summary>
    private async Task DrainAsync()
    {
        foreach (var host in catalog.All)
        {
            var writes = new List<Task>();
            lock (host.Gate)
            {
                var changes = host.Live.TakeChanges();
                var at = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
                foreach (var change in changes)
                {
                    writes.Add(queue.Enqueue(new PendingWrite { Entry = Entry(host, change, at) }));
                }
            }

            try
            {
                await Task.WhenAll(writes);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                LogFailed(logger, ex, host.Id, writes.Count);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-estimation changes of project {Project} ({Count}) could not be stored in the decision log.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string project, int count);
}
