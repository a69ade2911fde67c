using System.Globalization;
using System.Runtime.CompilerServices;
using CrowdFit.Simulation.Output;

namespace CrowdFit.Simulation;

public static partial class DawidSkeneCrowd
{
    /// <summary>File name of the answers: <c>task,worker,label</c>, rows grouped by task.</summary>
    public const string AnswersFileName = "answers.csv";

    /// <summary>File name of the true class of every task: <c>task,label</c>.</summary>
    public const string TruthFileName = "truth.csv";

    /// <summary>File name of the gold sample: <c>task,label</c> for the tasks picked by GoldShare.</summary>
    public const string GoldFileName = "gold.csv";

    /// <summary>File name of the workers: <c>worker,kind,accuracy</c>.</summary>
    public const string WorkersFileName = "workers.csv";

    private const int AnswerBufferBytes = 4 << 20;
    private const int TaskBufferBytes = 1 << 20;
    private const int WorkerBufferBytes = 1 << 16;

    // Checking the token costs little, but not nothing, per task.
    private const int TasksPerCancellationCheck = 1 << 14;

    /// <summary>
    /// Streams the crowd task by task into <c>answers.csv</c>, <c>truth.csv</c>, <c>gold.csv</c> and
    /// <c>workers.csv</c> in <paramref name="directory"/> (created if missing), holding only the workers in
    /// memory. UTF-8 without a byte-order mark, <c>\n</c> line ends, a header row in each file.
    /// </summary>
    /// <remarks>
    /// Each file is written under a temporary name and all four are renamed into place only once every one
    /// is complete; on failure or cancellation the temporary files are deleted and existing files are left
    /// as they were (unless a rename itself fails part-way through the four). Cancellation is checked every 16,384 tasks. The in-memory <see cref="Generate"/> gives
    /// the same crowd for the same options.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="directory"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed), or
    /// <paramref name="directory"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="IOException">A file could not be written.</exception>
    public static SimulatedCrowdFiles WriteTo(DawidSkeneCrowdOptions options, string directory, CancellationToken cancellationToken = default)
    {
        Validate(options);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var model = new CrowdModel(options);
        var fullDirectory = Path.GetFullPath(directory);
        Directory.CreateDirectory(fullDirectory);
        using var answers = new PendingFile(Path.Combine(fullDirectory, AnswersFileName), AnswerBufferBytes);
        using var truth = new PendingFile(Path.Combine(fullDirectory, TruthFileName), TaskBufferBytes);
        using var gold = new PendingFile(Path.Combine(fullDirectory, GoldFileName), TaskBufferBytes);
        using var workers = new PendingFile(Path.Combine(fullDirectory, WorkersFileName), WorkerBufferBytes);
        WriteWorkers(workers, model.Workers);
        var goldCount = WriteTasks(options, model, answers, truth, gold, cancellationToken);

        PendingFile[] files = [answers, truth, gold, workers];
        foreach (var file in files)
        {
            file.Complete();
        }

        foreach (var file in files)
        {
            file.Publish();
        }

        var bytes = files.Sum(f => f.Length);
        return new SimulatedCrowdFiles(fullDirectory, options.AnswerCount, options.Tasks, goldCount, bytes, Array.AsReadOnly(model.Workers));
    }

    // Runs once per call for millions of rows: compile it fully at once rather than through the tiers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int WriteTasks(DawidSkeneCrowdOptions options, CrowdModel model, PendingFile answers, PendingFile truth, PendingFile gold, CancellationToken cancellationToken)
    {
        answers.Write("task,worker,label\n"u8);
        truth.Write("task,label\n"u8);
        gold.Write("task,label\n"u8);
        var workerIds = new IdTable((byte)'w', options.Workers, (byte)',');
        var labelTexts = new IdTable(null, options.Classes, (byte)'\n');
        var workers = new int[options.AnswersPerTask];
        var labels = new int[options.AnswersPerTask];
        Span<byte> task = stackalloc byte[IdTable.Slot];
        var goldCount = 0;
        for (var t = 0; t < options.Tasks; t++)
        {
            if (t % TasksPerCancellationCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var trueLabel = model.Task(t, workers, labels);
            var taskLength = IdTable.Format((byte)'t', t, (byte)',', task);
            for (var i = 0; i < workers.Length; i++)
            {
                var row = answers.Reserve(3 * IdTable.Slot);
                task.CopyTo(row);
                var n = taskLength;
                workerIds[workers[i]].CopyTo(row[n..]);
                n += workerIds.Length(workers[i]);
                labelTexts[labels[i]].CopyTo(row[n..]);
                answers.Advance(n + labelTexts.Length(labels[i]));
            }

            WriteTaskRow(truth, task[..taskLength], labelTexts, trueLabel);
            if (model.IsGold(t))
            {
                WriteTaskRow(gold, task[..taskLength], labelTexts, trueLabel);
                goldCount++;
            }
        }

        return goldCount;
    }

    private static void WriteTaskRow(PendingFile file, ReadOnlySpan<byte> task, IdTable labelTexts, int label)
    {
        file.Write(task);
        file.Write(labelTexts[label][..labelTexts.Length(label)]);
    }

    private static void WriteWorkers(PendingFile file, SimulatedWorker[] workers)
    {
        file.Write("worker,kind,accuracy\n"u8);
        foreach (var worker in workers)
        {
            var row = file.Reserve(64);
            var n = IdTable.Format((byte)'w', worker.Index, (byte)',', row);
            var kind = worker.Kind switch
            {
                WorkerKind.UniformSpammer => "uniform_spammer"u8,
                WorkerKind.ConstantSpammer => "constant_spammer"u8,
                _ => "honest"u8,
            };
            kind.CopyTo(row[n..]);
            n += kind.Length;
            row[n++] = (byte)',';

            // Six decimals keep the file stable where the last bit of a logarithm might differ.
            worker.Accuracy.TryFormat(row[n..], out var written, "F6", CultureInfo.InvariantCulture);
            n += written;
            row[n++] = (byte)'\n';
            file.Advance(n);
        }
    }
}
