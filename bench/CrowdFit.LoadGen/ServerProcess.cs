using System.Diagnostics;

namespace CrowdFit.LoadGen;

/// <summary>A <c>crowdfit serve</c> child process.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Starts the server and waits until it prints that it listens.</summary>
    public static ServerProcess Start(LoadOptions options, string adminKey, string url, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(options.Server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(options.Postgres is null ? "--db" : "--postgres");
        start.ArgumentList.Add(options.Postgres ?? options.Db!);
        foreach (var arg in new[] { "--urls", url, "--admin-key", adminKey })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {options.Server}");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.WriteLine($"  [server] {line}");
                if (line.Contains("listening on", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                Console.WriteLine($"  [server!] {line}");
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"the server exited with {process.ExitCode} before it listened"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            listening.Task.Wait(timeout);
        }
        catch (AggregateException error) when (error.InnerException is InvalidOperationException exited)
        {
            process.Dispose();
            throw exited;
        }

        if (!listening.Task.IsCompletedSuccessfully)
        {
            process.Kill();
            process.Dispose();
            throw new TimeoutException($"the server did not listen within {timeout.TotalSeconds:F0} s");
        }

        return new ServerProcess(process);
    }

    /// <summary>kill -9: no chance to flush, close or checkpoint anything.</summary>
    public void Crash()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Ctrl+C would, then waits for a clean exit.</summary>
    public int Stop()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        _process.WaitForExit(30_000);
        return _process.HasExited ? _process.ExitCode : -1;
    }

    /// <summary>CPU seconds the server has used so far.</summary>
    public double CpuSeconds
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime.TotalSeconds;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
