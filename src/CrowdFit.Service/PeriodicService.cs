namespace CrowdFit.Service;

/// <summary>
/// A background job run every <c>{setting}</c> seconds (0 or less turns it off) until the service stops.
/// </summary>
/// <param name="configuration">Where the period is read.</param>
/// <param name="setting">The configuration key of the period, in seconds.</param>
/// <param name="defaultSeconds">The period when the key is not set.</param>
internal abstract class PeriodicService(IConfiguration configuration, string setting, double defaultSeconds) : BackgroundService
{
    /// <summary>Whether the job runs at all.</summary>
    protected bool Enabled => Seconds > 0;

    private double Seconds => configuration.GetValue(setting, defaultSeconds);

    /// <summary>One round of the job.</summary>
    protected abstract Task TickAsync(CancellationToken stoppingToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Seconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
