namespace CrowdFit.Fraud.Behaviour;

/// <summary>Per-worker work spread over threads in fixed contiguous ranges, so results never depend on the thread count.</summary>
internal static class WorkerChunks
{
    /// <summary>Runs <paramref name="body"/> for every worker, in parallel over contiguous worker ranges, each range with its own scratch.</summary>
    public static void ForEach<TScratch>(WorkLog log, Func<TScratch> scratch, Action<int, TScratch> body)
    {
        var workers = log.Answers.WorkerCount;
        var chunks = Math.Max(1, Math.Min(workers, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk =>
        {
            var own = scratch();
            var from = (int)((long)workers * chunk / chunks);
            var to = (int)((long)workers * (chunk + 1) / chunks);
            for (var w = from; w < to; w++)
            {
                body(w, own);
            }
        });
    }
}
