using System.Diagnostics;

namespace CrowdFit.Answers;

/// <summary>
/// A log of answers with task, worker and label ids interned to dense integers
/// (<c>0..TaskCount-1</c>, <c>0..WorkerCount-1</c>, <c>0..ClassCount-1</c>) and stored grouped by task.
/// </summary>
/// <remarks>
/// Answer positions <c>0..Count-1</c> are in task order: the answers of task <c>t</c> occupy
/// <c>TaskStart(t)..TaskStart(t+1)-1</c>. Task and worker indices follow the order of first appearance in
/// the source; label indices follow the ordinal order of the label strings, so that a label's index does
/// not depend on the order of the rows. Duplicate (task, worker) pairs are kept as separate answers.
/// </remarks>
public sealed class AnswerSet
{
    private readonly string[] _taskIds;
    private readonly string[] _workerIds;
    private readonly string[] _labels;
    private readonly int[] _taskStart;
    private readonly int[] _task;
    private readonly int[] _worker;
    private readonly int[] _label;
    private readonly int[]? _sourceRow;

    private AnswerSet(string[] taskIds, string[] workerIds, string[] labels, int[] taskStart, int[] task, int[] worker, int[] label, int[]? sourceRow)
    {
        _taskIds = taskIds;
        _workerIds = workerIds;
        _labels = labels;
        _taskStart = taskStart;
        _task = task;
        _worker = worker;
        _label = label;
        _sourceRow = sourceRow;
    }

    /// <summary>Number of answers.</summary>
    public int Count => _worker.Length;

    /// <summary>Number of distinct tasks.</summary>
    public int TaskCount => _taskIds.Length;

    /// <summary>Number of distinct workers.</summary>
    public int WorkerCount => _workerIds.Length;

    /// <summary>Number of classes (distinct labels, including labels that only gold or model scores use).</summary>
    public int ClassCount => _labels.Length;

    /// <summary>Task ids by task index.</summary>
    public IReadOnlyList<string> TaskIds => _taskIds;

    /// <summary>Worker ids by worker index.</summary>
    public IReadOnlyList<string> WorkerIds => _workerIds;

    /// <summary>Label strings by class index, in ordinal order.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Task of each answer, in answer order (non-decreasing).</summary>
    public ReadOnlySpan<int> Tasks => _task;

    /// <summary>Worker of each answer, in answer order.</summary>
    public ReadOnlySpan<int> Workers => _worker;

    /// <summary>Class index of each answer, in answer order.</summary>
    public ReadOnlySpan<int> AnswerLabels => _label;

    /// <summary>Offsets of each task's answers: <c>TaskCount + 1</c> entries, the last equal to <see cref="Count"/>.</summary>
    public ReadOnlySpan<int> TaskStarts => _taskStart;

    /// <summary>Position of the first answer of <paramref name="task"/>.</summary>
    public int TaskStart(int task) => _taskStart[task];

    /// <summary>Number of answers of <paramref name="task"/>.</summary>
    public int TaskAnswerCount(int task) => _taskStart[task + 1] - _taskStart[task];

    /// <summary>
    /// Zero-based position of answer <paramref name="answer"/> in the source it was built from
    /// (the data row, not counting a header), so per-answer context can be joined back.
    /// </summary>
    public int SourceRow(int answer) => _sourceRow is null ? answer : _sourceRow[answer];

    /// <summary>Finds a task by id; -1 when absent. Builds the lookup on first use.</summary>
    public int FindTask(string taskId) => TaskLookup.TryGetValue(taskId, out var t) ? t : -1;

    /// <summary>Finds a worker by id; -1 when absent.</summary>
    public int FindWorker(string workerId) => WorkerLookup.TryGetValue(workerId, out var w) ? w : -1;

    /// <summary>Finds a label by its string; -1 when absent.</summary>
    public int FindLabel(string label) => Array.BinarySearch(_labels, label, StringComparer.Ordinal) is var i and >= 0 ? i : -1;

    private Dictionary<string, int> TaskLookup => field ??= Index(_taskIds);

    private Dictionary<string, int> WorkerLookup => field ??= Index(_workerIds);

    private static Dictionary<string, int> Index(string[] ids)
    {
        var map = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            map[ids[i]] = i;
        }

        return map;
    }

    /// <summary>
    /// Builds an answer set from interned columns, taking ownership of the arrays (they must not be changed
    /// afterwards). Labels are re-indexed to ordinal order and answers grouped by task when they are not
    /// already; a log already grouped by task is used without copying.
    /// </summary>
    /// <param name="taskIds">Distinct task ids; index = task index.</param>
    /// <param name="workerIds">Distinct worker ids; index = worker index.</param>
    /// <param name="labels">Distinct labels; index = label index as used in <paramref name="label"/>, any order.</param>
    /// <param name="task">Task index of each answer.</param>
    /// <param name="worker">Worker index of each answer.</param>
    /// <param name="label">Label index of each answer.</param>
    /// <exception cref="ArgumentException">Columns differ in length, an index is out of range, or an id repeats.</exception>
    public static AnswerSet FromColumns(string[] taskIds, string[] workerIds, string[] labels, int[] task, int[] worker, int[] label)
        => FromColumns(taskIds, workerIds, labels, task, worker, label, idsKnownDistinct: false);

    /// <summary>
    /// As <see cref="FromColumns(string[], string[], string[], int[], int[], int[])"/>, skipping the
    /// distinct-id check when the caller interned the ids itself (a reader with its own dictionary).
    /// </summary>
    internal static AnswerSet FromColumns(string[] taskIds, string[] workerIds, string[] labels, int[] task, int[] worker, int[] label, bool idsKnownDistinct)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        ArgumentNullException.ThrowIfNull(workerIds);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(label);
        if (task.Length != worker.Length || task.Length != label.Length)
        {
            throw new ArgumentException($"Answer columns differ in length: task {task.Length}, worker {worker.Length}, label {label.Length}.");
        }

        if (!idsKnownDistinct)
        {
            CheckDistinct(taskIds, "task");
            CheckDistinct(workerIds, "worker");
            CheckDistinct(labels, "label");
        }

        CheckRange(task, taskIds.Length, "task");
        CheckRange(worker, workerIds.Length, "worker");
        CheckRange(label, labels.Length, "label");

        var sortedLabels = SortLabels(labels, label);
        var taskStart = new int[taskIds.Length + 1];
        foreach (var t in task)
        {
            taskStart[t + 1]++;
        }

        for (var t = 0; t < taskIds.Length; t++)
        {
            taskStart[t + 1] += taskStart[t];
        }

        if (IsGrouped(task, taskStart))
        {
            return new AnswerSet(taskIds, workerIds, sortedLabels, taskStart, task, worker, label, null);
        }

        // A stable counting sort keeps each task's answers in source order.
        var next = taskStart[..^1];
        var sortedTask = new int[task.Length];
        var sortedWorker = new int[task.Length];
        var sortedLabel = new int[task.Length];
        var sourceRow = new int[task.Length];
        for (var i = 0; i < task.Length; i++)
        {
            var at = next[task[i]]++;
            sortedTask[at] = task[i];
            sortedWorker[at] = worker[i];
            sortedLabel[at] = label[i];
            sourceRow[at] = i;
        }

        return new AnswerSet(taskIds, workerIds, sortedLabels, taskStart, sortedTask, sortedWorker, sortedLabel, sourceRow);
    }

    /// <summary>
    /// The answers for which <paramref name="keep"/> is true, over the same tasks, workers and labels (every
    /// index stays valid), in the same order. Source rows are not carried over: the result is for inference,
    /// not for looking up context.
    /// </summary>
    /// <param name="keep">One entry per answer.</param>
    /// <exception cref="ArgumentException"><paramref name="keep"/> does not have <see cref="Count"/> entries.</exception>
    public AnswerSet Where(ReadOnlySpan<bool> keep)
    {
        if (keep.Length != Count)
        {
            throw new ArgumentException($"Expected one entry per answer ({Count}); got {keep.Length}.", nameof(keep));
        }

        var kept = 0;
        foreach (var k in keep)
        {
            kept += k ? 1 : 0;
        }

        var task = new int[kept];
        var worker = new int[kept];
        var label = new int[kept];
        var at = 0;
        for (var a = 0; a < keep.Length; a++)
        {
            if (keep[a])
            {
                task[at] = _task[a];
                worker[at] = _worker[a];
                label[at] = _label[a];
                at++;
            }
        }

        return FromColumns(_taskIds, _workerIds, _labels, task, worker, label, idsKnownDistinct: true);
    }

    /// <summary>
    /// Answer positions grouped by worker (in answer order within a worker) and each worker's offset into them:
    /// worker w's answers are <c>Order[WorkerStart[w]..WorkerStart[w + 1]]</c>. A counting sort, O(answers).
    /// </summary>
    internal (int[] Order, int[] WorkerStart) ByWorker()
    {
        var workerStart = new int[WorkerCount + 1];
        foreach (var w in _worker)
        {
            workerStart[w + 1]++;
        }

        for (var w = 0; w < WorkerCount; w++)
        {
            workerStart[w + 1] += workerStart[w];
        }

        var next = workerStart[..^1];
        var order = new int[_worker.Length];
        for (var a = 0; a < _worker.Length; a++)
        {
            order[next[_worker[a]]++] = a;
        }

        return (order, workerStart);
    }

    /// <summary>Builds an answer set from string triples; convenient for tests and small logs.</summary>
    public static AnswerSet FromTriples(IEnumerable<(string Task, string Worker, string Label)> answers, IEnumerable<string>? extraLabels = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var tasks = new Dictionary<string, int>(StringComparer.Ordinal);
        var workers = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        List<int> t = [], w = [], l = [];
        foreach (var (task, worker, label) in answers)
        {
            t.Add(Intern(tasks, task));
            w.Add(Intern(workers, worker));
            l.Add(Intern(labels, label));
        }

        foreach (var extra in extraLabels ?? [])
        {
            Intern(labels, extra);
        }

        return FromColumns([.. tasks.Keys], [.. workers.Keys], [.. labels.Keys], [.. t], [.. w], [.. l]);
    }

    private static int Intern(Dictionary<string, int> map, string id)
    {
        if (!map.TryGetValue(id, out var index))
        {
            index = map.Count;
            map.Add(id, index);
        }

        return index;
    }

    private static string[] SortLabels(string[] labels, int[] label)
    {
        var order = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var sorted = (string[])labels.Clone();
        Array.Sort(sorted, order, StringComparer.Ordinal);
        var changed = false;
        var remap = new int[labels.Length];
        for (var i = 0; i < order.Length; i++)
        {
            remap[order[i]] = i;
            changed |= order[i] != i;
        }

        if (changed)
        {
            for (var i = 0; i < label.Length; i++)
            {
                label[i] = remap[label[i]];
            }
        }

        return sorted;
    }

    private static bool IsGrouped(int[] task, int[] taskStart)
    {
        for (var i = 0; i < task.Length; i++)
        {
            if (i < taskStart[task[i]] || i >= taskStart[task[i] + 1])
            {
                return false;
            }
        }

        return true;
    }

    private static void CheckDistinct(string[] ids, string what)
    {
        var seen = new HashSet<string>(ids.Length, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (!seen.Add(id))
            {
                throw new ArgumentException($"The {what} id '{id}' appears twice in the {what} table.");
            }
        }
    }

    private static void CheckRange(int[] values, int count, string what)
    {
        foreach (var v in values)
        {
            if ((uint)v >= (uint)count)
            {
                throw new ArgumentException($"A {what} index {v} is outside 0..{count - 1}.");
            }
        }

        Debug.Assert(values.Length == 0 || count > 0);
    }
}
