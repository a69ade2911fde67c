using CrowdFit.Answers;

namespace CrowdFit.Simulation;

/// <summary>
/// A crowd generated in memory: the true class of every task, every worker with its confusion matrix, and
/// the answers as three columns grouped by task (task <c>t</c> owns answers <c>t·A..t·A+A-1</c> for A
/// answers per task).
/// </summary>
public sealed record SimulatedCrowd
{
    internal SimulatedCrowd(DawidSkeneCrowdOptions options, SimulatedWorker[] workers, int[] trueLabels, int[] goldTasks, int[] answerTasks, int[] answerWorkers, int[] answerLabels)
    {
        Options = options;
        Workers = Array.AsReadOnly(workers);
        TrueLabels = trueLabels;
        GoldTasks = goldTasks;
        AnswerTasks = answerTasks;
        AnswerWorkers = answerWorkers;
        AnswerLabels = answerLabels;
    }

    /// <summary>The options the crowd was generated from.</summary>
    public DawidSkeneCrowdOptions Options { get; }

    /// <summary>The workers, by index.</summary>
    public IReadOnlyList<SimulatedWorker> Workers { get; }

    /// <summary>True class of each task, by task index.</summary>
    public ReadOnlyMemory<int> TrueLabels { get; }

    /// <summary>Tasks in the gold sample (also written to <c>gold.csv</c>), in increasing order.</summary>
    public ReadOnlyMemory<int> GoldTasks { get; }

    /// <summary>Task index of each answer (non-decreasing).</summary>
    public ReadOnlyMemory<int> AnswerTasks { get; }

    /// <summary>Worker index of each answer; the workers of one task are distinct.</summary>
    public ReadOnlyMemory<int> AnswerWorkers { get; }

    /// <summary>Class given by each answer, <c>0..Classes-1</c>.</summary>
    public ReadOnlyMemory<int> AnswerLabels { get; }

    /// <summary>
    /// The answers as an <see cref="AnswerSet"/> with the ids of the written files (<c>t123</c>, <c>w45</c>,
    /// <c>3</c>). Task and worker indices are kept; class indices follow the ordinal order of the label text
    /// (for more than ten classes "10" sorts before "2"), so map a class with
    /// <c>answers.FindLabel(DawidSkeneCrowd.LabelText(k))</c>. Every class appears among the labels.
    /// </summary>
    public AnswerSet ToAnswerSet()
    {
        var taskIds = new string[Options.Tasks];
        for (var t = 0; t < taskIds.Length; t++)
        {
            taskIds[t] = DawidSkeneCrowd.TaskId(t);
        }

        var workerIds = Workers.Select(w => w.Id).ToArray();
        var labels = Enumerable.Range(0, Options.Classes).Select(DawidSkeneCrowd.LabelText).ToArray();

        // The answer set takes ownership of its columns and may re-index the labels in place, hence copies.
        return AnswerSet.FromColumns(taskIds, workerIds, labels, AnswerTasks.ToArray(), AnswerWorkers.ToArray(), AnswerLabels.ToArray());
    }

    /// <summary>The gold sample as <see cref="GoldLabels"/> of <paramref name="answers"/>, matched by task id and label text.</summary>
    /// <exception cref="ArgumentException">A gold task or label is missing from <paramref name="answers"/>.</exception>
    public GoldLabels GoldFor(AnswerSet answers) => Labels(answers, GoldTasks.ToArray());

    /// <summary>The truth of every task as <see cref="GoldLabels"/> of <paramref name="answers"/>, for scoring an inference.</summary>
    /// <exception cref="ArgumentException">A task or label is missing from <paramref name="answers"/>.</exception>
    public GoldLabels TruthFor(AnswerSet answers) => Labels(answers, Enumerable.Range(0, Options.Tasks));

    private GoldLabels Labels(AnswerSet answers, IEnumerable<int> tasks)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var truth = TrueLabels;
        return GoldLabels.FromPairs(answers, tasks.Select(t => (DawidSkeneCrowd.TaskId(t), DawidSkeneCrowd.LabelText(truth.Span[t]))));
    }
}
