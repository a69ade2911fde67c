using System.Numerics;
using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>
/// The pass over the tasks shared by <see cref="Ibcc"/> and <see cref="Ebcc"/>: the variational E-step over
/// the (class, subtype) cells of each task and the expected counts for the M-step. IBCC is the case of one
/// subtype per class.
/// </summary>
/// <remarks>
/// Runs over the tasks one range per thread (<see cref="TaskRanges"/>). Each range sums into its own
/// buffers, and the buffers are added up in range order, so the sums do not depend on the schedule.
/// </remarks>
internal sealed class TaskSweep
{
    private readonly AnswerSet _answers;
    private readonly GoldLabels? _gold;
    private readonly double[] _posterior;
    private readonly int _subtypes;
    private readonly int _cells;
    private readonly int[] _bounds;
    private readonly double[][] _counts;
    private readonly double[][] _groupCounts;
    private readonly double[] _evidence;

    /// <param name="answers">The answers.</param>
    /// <param name="gold">Gold labels, clamped; may be null.</param>
    /// <param name="posterior">
    /// Task-major joint posterior over (class, subtype), <c>T × K × M</c>; gold tasks already clamped to their class.
    /// </param>
    /// <param name="subtypes">Subtypes per class, M; 1 for IBCC.</param>
    public TaskSweep(AnswerSet answers, GoldLabels? gold, double[] posterior, int subtypes)
    {
        var k = answers.ClassCount;
        _subtypes = subtypes;
        _cells = k * subtypes;
        var length = answers.WorkerCount * k * _cells;
        var ranges = TaskRanges.Count(answers, length + _cells);
        _answers = answers;
        _gold = gold;
        _posterior = posterior;
        _bounds = TaskRanges.Split(answers, ranges);
        _counts = new double[ranges][];
        _groupCounts = new double[ranges][];
        _evidence = new double[ranges];
        for (var r = 0; r < ranges; r++)
        {
            _counts[r] = new double[length];
            _groupCounts[r] = new double[_cells];
        }
    }

    /// <summary>
    /// Expected counts after the last pass, worker-major <c>[worker, observed, truth, subtype]</c>: the
    /// expected number of answers <c>observed</c> by the worker on tasks of that class and subtype. One
    /// answer reads and writes K × M adjacent cells.
    /// </summary>
    public double[] Counts => _counts[0];

    /// <summary>Expected number of tasks of each class and subtype after the last pass, <c>[truth, subtype]</c>.</summary>
    public double[] GroupCounts => _groupCounts[0];

    /// <summary>Sums <see cref="Counts"/> and <see cref="GroupCounts"/> of the current posterior.</summary>
    public void Accumulate() => Run(null, null);

    /// <summary>
    /// The variational E-step: every task gets q(z = c, g = m) ∝ exp(E[ln prior_cm] +
    /// Σ_answers E[ln π_{worker, c, m, answer}]), restricted to its class when it is gold; then sums
    /// <see cref="Counts"/> and <see cref="GroupCounts"/> of the new posterior.
    /// </summary>
    /// <param name="logLikelihood">The expected log confusion cells, laid out as <see cref="Counts"/>.</param>
    /// <param name="logPrior">The expected log prior of each (class, subtype), laid out as <see cref="GroupCounts"/>.</param>
    /// <returns>
    /// The tasks' part of the lower bound: the sum over tasks of ln Σ exp(expected log joint), over the
    /// cells of its class for a gold task.
    /// </returns>
    public double ExpectationStep(double[] logLikelihood, double[] logPrior) => Run(logLikelihood, logPrior);

    private double Run(double[]? logLikelihood, double[]? logPrior)
    {
        var ranges = _evidence.Length;
        if (ranges == 1)
        {
            _evidence[0] = RunRange(0, logLikelihood, logPrior);
        }
        else
        {
            Parallel.For(0, ranges, r => _evidence[r] = RunRange(r, logLikelihood, logPrior));
        }

        var evidence = _evidence[0];
        for (var r = 1; r < ranges; r++)
        {
            Add(_counts[0], _counts[r]);
            Add(_groupCounts[0], _groupCounts[r]);
            evidence += _evidence[r];
        }

        return evidence;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double RunRange(int range, double[]? logLikelihood, double[]? logPrior)
    {
        var k = _answers.ClassCount;
        var cells = _cells;
        var subtypes = _subtypes;
        var starts = _answers.TaskStarts;
        var workers = _answers.Workers;
        var labels = _answers.AnswerLabels;
        var counts = _counts[range].AsSpan();
        var groupCounts = _groupCounts[range].AsSpan();
        counts.Clear();
        groupCounts.Clear();
        var joint = new double[cells].AsSpan();
        var evidence = 0.0;
        for (var t = _bounds[range]; t < _bounds[range + 1]; t++)
        {
            var row = _posterior.AsSpan(t * cells, cells);
            if (logLikelihood is not null && logPrior is not null)
            {
                logPrior.CopyTo(joint);
                for (var a = starts[t]; a < starts[t + 1]; a++)
                {
                    Add(joint, logLikelihood.AsSpan(((workers[a] * k) + labels[a]) * cells, cells));
                }

                var gold = _gold is null ? GoldLabels.None : _gold[t];
                if (gold == GoldLabels.None)
                {
                    evidence += Posteriors.SoftMaxInPlace(joint);
                    joint.CopyTo(row);
                }
                else if (subtypes == 1)
                {
                    // ln Σ exp over the one cell of the class is that cell, and the row is the class alone.
                    evidence += joint[gold];
                    row.Clear();
                    row[gold] = 1;
                }
                else
                {
                    // A gold task's class is known; only its subtype is inferred.
                    var own = joint.Slice(gold * subtypes, subtypes);
                    evidence += Posteriors.SoftMaxInPlace(own);
                    row.Clear();
                    own.CopyTo(row.Slice(gold * subtypes, subtypes));
                }
            }

            Add(groupCounts, row);
            for (var a = starts[t]; a < starts[t + 1]; a++)
            {
                Add(counts.Slice(((workers[a] * k) + labels[a]) * cells, cells), row);
            }
        }

        return evidence;
    }

    /// <summary>sum += values, element by element (each element on its own, so the vector width does not change a sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(Span<double> sum, ReadOnlySpan<double> values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            for (; i <= values.Length - width; i += width)
            {
                (new Vector<double>(sum[i..]) + new Vector<double>(values[i..])).CopyTo(sum[i..]);
            }
        }

        for (; i < values.Length; i++)
        {
            sum[i] += values[i];
        }
    }
}
