using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CrowdFit.LoadGen;

/// <summary>
/// Answers posted from <see cref="LoadOptions.Connections"/> connections, answer i not before start + i / rate (an
/// open schedule, so a slow server makes the run fall behind rather than slow the offered rate unnoticed).
/// </summary>
internal sealed class LoadRun(HttpClient client, LoadOptions options)
{
    private readonly List<long>[] _latencies = [.. Enumerable.Range(0, options.Connections).Select(_ => new List<long>())];
    private readonly List<long>[] _acknowledged = [.. Enumerable.Range(0, options.Connections).Select(_ => new List<long>())];
    private readonly List<long>[] _lags = [.. Enumerable.Range(0, options.Connections).Select(_ => new List<long>())];
    private long _next = -1;
    private long _errors;
    private string? _firstError;

    /// <summary>Ids of every answer the server acknowledged with 200.</summary>
    public IEnumerable<long> Acknowledged => _acknowledged.SelectMany(a => a);

    public long Errors => Interlocked.Read(ref _errors);

    public string? FirstError => _firstError;

    public TimeSpan Elapsed { get; private set; }

    /// <summary>Runs until <paramref name="seconds"/> pass or <paramref name="stop"/> is cancelled.</summary>
    public async Task RunAsync(double seconds, long firstAnswer, CancellationToken stop)
    {
        _next = firstAnswer - 1;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, options.Connections).Select(c => Task.Run(() => ConnectionAsync(c, firstAnswer, clock, end, stop), CancellationToken.None)));
        Elapsed = clock.Elapsed;
    }

    private async Task ConnectionAsync(int connection, long firstAnswer, Stopwatch clock, TimeSpan end, CancellationToken stop)
    {
        var ticksPerAnswer = Stopwatch.Frequency / options.Rate;
        while (!stop.IsCancellationRequested)
        {
            var i = Interlocked.Increment(ref _next);
            var due = (long)((i - firstAnswer) * ticksPerAnswer);
            if (due >= end.TotalSeconds * Stopwatch.Frequency)
            {
                return;
            }

            var wait = due - clock.ElapsedTicks;
            if (wait > Stopwatch.Frequency / 1000)
            {
                await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), CancellationToken.None);
            }

            var sent = clock.ElapsedTicks;
            _lags[connection].Add(Math.Max(0, sent - due));
            try
            {
                using var body = new StringContent(Answer(i), Encoding.UTF8, "application/json");
                using var response = await client.PostAsync("/api/projects/load/answers", body, CancellationToken.None);
                var text = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (!response.IsSuccessStatusCode)
                {
                    Fail($"{(int)response.StatusCode} {text}");
                    continue;
                }

                _latencies[connection].Add(clock.ElapsedTicks - sent);
                using var json = JsonDocument.Parse(text);
                _acknowledged[connection].Add(json.RootElement.GetProperty("answerId").GetInt64());
            }
            catch (HttpRequestException error)
            {
                Fail(error.Message);
            }
        }
    }

    private void Fail(string message)
    {
        Interlocked.Increment(ref _errors);
        Interlocked.CompareExchange(ref _firstError, message, null);
    }

    /// <summary>Answer i: task i mod tasks, a different worker each round over the tasks, right 80% of the time.</summary>
    public string Answer(long i)
    {
        var task = i % options.Tasks;
        var round = i / options.Tasks;
        var worker = (task + (round * 7)) % options.Workers;
        var truth = task % 3;
        var label = (task * 31 + worker * 17) % 10 < 8 ? truth : (truth + 1) % 3;
        return $"{{\"task\":\"t{task}\",\"worker\":\"w{worker}\",\"label\":\"{"abc"[(int)label]}\"}}";
    }

    /// <summary>Achieved rate, latency percentiles (from the moment the request was sent) and schedule lag, one line each.</summary>
    public IEnumerable<string> Report()
    {
        var latencies = _latencies.SelectMany(l => l).Order().ToArray();
        var lags = _lags.SelectMany(l => l).Order().ToArray();
        double Ms(long[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))] * 1000.0 / Stopwatch.Frequency;
        yield return Text($"acknowledged {latencies.Length:N0} answers in {Elapsed.TotalSeconds:F1} s: {latencies.Length / Elapsed.TotalSeconds:F0} answers/s (target {options.Rate:F0}), {Errors:N0} errors");
        yield return Text($"latency ms: p50 {Ms(latencies, 0.50):F2}, p95 {Ms(latencies, 0.95):F2}, p99 {Ms(latencies, 0.99):F2}, max {Ms(latencies, 1.0):F2}");
        yield return Text($"schedule lag ms (send time after due time): p50 {Ms(lags, 0.50):F2}, p99 {Ms(lags, 0.99):F2}, max {Ms(lags, 1.0):F2}");
        if (FirstError is { } first)
        {
            yield return $"first error: {(first.Length > 300 ? first[..300] : first)}";
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
