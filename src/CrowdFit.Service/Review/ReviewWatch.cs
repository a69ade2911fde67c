using System.Data.Common;
using CrowdFit.Service.Projects;

namespace CrowdFit.Service.Review;

/// <summary>
/// Opens review cases in the background, every <c>Review:SyncSeconds</c> seconds (default 5; 0 turns it off), so
/// flags reach the queue without anyone asking; the queue's endpoints also catch up when they are read.
/// </summary>
internal sealed partial class ReviewWatch(ProjectCatalog catalog, ReviewBook book, IConfiguration configuration, ILogger<ReviewWatch> logger)
    : PeriodicService(configuration, "Review:SyncSeconds", 5.0)
{
    protected override async Task TickAsync(CancellationToken stoppingToken)
    {
        foreach (var host in catalog.All)
        {
            try
            {
                await book.SyncAsync(host, stoppingToken);
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                LogFailed(logger, ex, host.Id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review cases of project {Project} could not be opened; the next round tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string project);
}
