namespace CrowdFit.Answers;

/// <summary>Known true labels for some tasks of an <see cref="AnswerSet"/> (gold, honeypots).</summary>
public sealed class GoldLabels
{
    /// <summary>The value of <see cref="this[int]"/> for a task without gold.</summary>
    public const int None = -1;

    private readonly int[] _label;

    private GoldLabels(int[] label, int count)
    {
        _label = label;
        Count = count;
    }

    /// <summary>Number of tasks with gold.</summary>
    public int Count { get; }

    /// <summary>Number of tasks covered (equal to the answer set's task count).</summary>
    public int TaskCount => _label.Length;

    /// <summary>The gold class index of <paramref name="task"/>, or <see cref="None"/>.</summary>
    public int this[int task] => _label[task];

    /// <summary>Gold class per task (<see cref="None"/> where unknown).</summary>
    public ReadOnlySpan<int> PerTask => _label;

    /// <summary>An empty gold set for <paramref name="taskCount"/> tasks.</summary>
    public static GoldLabels Empty(int taskCount) => new(Filled(taskCount), 0);

    /// <summary>Builds gold from a per-task class array (<see cref="None"/> where unknown).</summary>
    /// <exception cref="ArgumentException">A class index is below <see cref="None"/> or not below <paramref name="classCount"/>.</exception>
    public static GoldLabels FromPerTask(ReadOnlySpan<int> perTask, int classCount)
    {
        var copy = perTask.ToArray();
        var count = 0;
        foreach (var label in copy)
        {
            if (label < None || label >= classCount)
            {
                throw new ArgumentException($"A gold class index {label} is outside {None}..{classCount - 1}.", nameof(perTask));
            }

            count += label == None ? 0 : 1;
        }

        return new GoldLabels(copy, count);
    }

    /// <summary>Builds gold from (task id, label) pairs resolved against <paramref name="answers"/>.</summary>
    /// <exception cref="ArgumentException">A task or label is not in the answer set, or a task is given two different labels.</exception>
    public static GoldLabels FromPairs(AnswerSet answers, IEnumerable<(string Task, string Label)> pairs)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(pairs);
        var label = Filled(answers.TaskCount);
        var count = 0;
        foreach (var (taskId, labelText) in pairs)
        {
            var task = answers.FindTask(taskId);
            if (task < 0)
            {
                throw new ArgumentException($"Gold task '{taskId}' has no answers in the log.", nameof(pairs));
            }

            var cls = answers.FindLabel(labelText);
            if (cls < 0)
            {
                throw new ArgumentException($"Gold label '{labelText}' of task '{taskId}' is not a label of the log.", nameof(pairs));
            }

            if (label[task] != None && label[task] != cls)
            {
                throw new ArgumentException($"Gold task '{taskId}' is given two labels.", nameof(pairs));
            }

            count += label[task] == None ? 1 : 0;
            label[task] = cls;
        }

        return new GoldLabels(label, count);
    }

    private static int[] Filled(int n)
    {
        var a = new int[n];
        Array.Fill(a, None);
        return a;
    }
}
