using System.Data.Common;
using System.Threading.Channels;
using CrowdFit.Service.Audit;

namespace CrowdFit.Service.Storage;

/// <summary>
/// Group commit: one writer takes every pending write, stores them in one transaction, commits, and only then
/// completes each request's <see cref="PendingWrite.Committed"/>. Requests wait for their commit, so nothing
/// acknowledged is lost, while one fsync serves many requests. It also extends each project's decision-log chain,
/// in the order the writes were queued.
/// </summary>
internal sealed partial class CommitQueue(Database database, ILogger<CommitQueue> logger) : BackgroundService
{
    /// <summary>Most writes in one transaction.</summary>
    public const int MaxBatch = 2048;

    private readonly Channel<PendingWrite> _channel = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, (long Position, string Hash)> _heads = new(StringComparer.Ordinal);
    private long _logSeq;
    private long _transactions;
    private long _writes;

    /// <summary>Transactions committed so far.</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>Writes committed so far.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Sets where each project's chain ends; called once at startup, before any write.</summary>
    public void Resume(long lastLogSeq, IEnumerable<(string Project, long Position, string Hash)> heads)
    {
        _logSeq = lastLogSeq;
        foreach (var (project, position, hash) in heads)
        {
            _heads[project] = (position, hash);
        }
    }

    /// <summary>Queues a write; the task completes when it is committed, or fails when the transaction does.</summary>
    public Task Enqueue(PendingWrite write)
    {
        if (!_channel.Writer.TryWrite(write))
        {
            write.Committed.TrySetException(new InvalidOperationException("The service is stopping; the write was not stored."));
        }

        return write.Committed.Task;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Finish what was queued before stopping: those requests are waiting for their commit.
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var connection = await database.OpenAsync(stoppingToken);
        var statements = new Statements(connection);
        var batch = new List<PendingWrite>(MaxBatch);
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            await CommitAsync(connection, statements, batch);
            batch.Clear();
        }
    }

    private async Task CommitAsync(DbConnection connection, Statements statements, List<PendingWrite> batch)
    {
        var heads = new Dictionary<string, (long Position, string Hash)>(StringComparer.Ordinal);
        var logSeq = _logSeq;
        try
        {
            Chain(batch, heads, ref logSeq);
            await using var transaction = await connection.BeginTransactionAsync();
            statements.Enlist(transaction);
            foreach (var write in batch)
            {
                await WriteAsync(statements, write);
                await WriteSqlAsync(connection, transaction, write);
            }

            await transaction.CommitAsync();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            LogFailed(logger, ex, batch.Count);
            foreach (var write in batch)
            {
                write.Committed.TrySetException(ex);
            }

            return;
        }

        _logSeq = logSeq;
        foreach (var (project, head) in heads)
        {
            _heads[project] = head;
        }

        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _writes, batch.Count);
        foreach (var write in batch)
        {
            write.Committed.TrySetResult();
        }
    }

    /// <summary>Extends the chains with the batch's entries, in queue order, on a copy of the heads until the commit.</summary>
    private void Chain(List<PendingWrite> batch, Dictionary<string, (long Position, string Hash)> heads, ref long logSeq)
    {
        foreach (var write in batch)
        {
            if (write.Entry is not { } e)
            {
                continue;
            }

            var head = heads.TryGetValue(e.ProjectId, out var h) ? h : _heads.TryGetValue(e.ProjectId, out h) ? h : (-1, DecisionLog.Genesis);
            e.Seq = ++logSeq;
            e.Position = head.Position + 1;
            e.PrevHash = head.Hash;
            e.Hash = DecisionLog.Hash(e.PrevHash, e);
            heads[e.ProjectId] = (e.Position, e.Hash);
        }
    }

    private static async Task WriteAsync(Statements s, PendingWrite write)
    {
        foreach (var t in write.Tasks)
        {
            await s.Task.RunAsync(t.Seq, t.ProjectId, t.TaskId, t.TaskType);
        }

        foreach (var g in write.Gold)
        {
            await s.Gold.RunAsync(g.ProjectId, g.TaskId, g.Label);
        }

        if (write.Worker is { } w)
        {
            await s.Worker.RunAsync(w.Seq, w.ProjectId, w.WorkerId, w.Country, w.Qualifications);
        }

        if (write.Answer is { } a)
        {
            await s.Answer.RunAsync(a.Id, a.ProjectId, a.TaskId, a.WorkerId, a.Label, a.ReceivedAt, a.Decision, a.StartedAt);
        }

        if (write.Entry is { } e)
        {
            await s.Entry.RunAsync(
                e.Seq, e.ProjectId, e.Position, e.AnswerId, e.TaskId, e.Action, e.Label, e.Confidence, e.ExtraAnswers,
                e.Reasons, e.ModelVersion, e.Actor, e.At, e.PrevHash, e.Hash);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group commit of {Count} writes failed; none of them was acknowledged.")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
