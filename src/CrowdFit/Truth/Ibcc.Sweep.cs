using System.Runtime.CompilerServices;
using CrowdFit.Answers;

namespace CrowdFit.Truth;

/// <summary>The pass over the tasks: the variational E-step and the expected counts for the M-step.</summary>
public sealed partial class Ibcc
{
    /// <summary>
    /// Runs over the tasks one range per thread (<see cref="TaskRanges"/>). Each range sums into its own
    /// buffers, and the buffers are added up in range order, so the sums do not depend on the schedule.
    /// </summary>
    private sealed class TaskSweep
    {
        private readonly AnswerSet _answers;
        private readonly GoldLabels? _gold;
        private readonly double[] _posterior;
        private readonly int[] _bounds;
        private readonly double[][] _counts;
        private readonly double[][] _classCounts;
        private readonly double[] _evidence;

        public TaskSweep(AnswerSet answers, GoldLabels? gold, double[] posterior)
        {
            var k = answers.ClassCount;
            var cells = answers.WorkerCount * k * k;
            var ranges = TaskRanges.Count(answers, cells + k);
            _answers = answers;
            _gold = gold;
            _posterior = posterior;
            _bounds = TaskRanges.Split(answers, ranges);
            _counts = new double[ranges][];
            _classCounts = new double[ranges][];
            _evidence = new double[ranges];
            for (var r = 0; r < ranges; r++)
            {
                _counts[r] = new double[cells];
                _classCounts[r] = new double[k];
            }
        }

        /// <summary>
        /// Expected counts after the last pass, worker-major <c>[worker, observed, truth]</c>: the expected
        /// number of answers <c>observed</c> by the worker on tasks of class <c>truth</c>. One answer reads
        /// and writes K adjacent cells.
        /// </summary>
        public double[] Counts => _counts[0];

        /// <summary>Expected number of tasks of each class after the last pass.</summary>
        public double[] ClassCounts => _classCounts[0];

        /// <summary>Sums <see cref="Counts"/> and <see cref="ClassCounts"/> of the current posterior.</summary>
        public void Accumulate() => Run(null, null);

        /// <summary>
        /// The variational E-step: every task that is not gold gets the posterior
        /// q(z = c) ∝ exp(E[ln κ_c] + Σ_answers E[ln π_{worker, c, answer}]); then sums <see cref="Counts"/>
        /// and <see cref="ClassCounts"/> of the new posterior.
        /// </summary>
        /// <param name="logLikelihood">E[ln π], laid out as <see cref="Counts"/>.</param>
        /// <param name="logPrior">E[ln κ] per class.</param>
        /// <returns>
        /// The tasks' part of the lower bound: the sum over tasks of ln Σ_c exp(expected log joint of c), or
        /// for a gold task the expected log joint of its class.
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
                Add(_classCounts[0], _classCounts[r]);
                evidence += _evidence[r];
            }

            return evidence;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private double RunRange(int range, double[]? logLikelihood, double[]? logPrior)
        {
            var k = _answers.ClassCount;
            var starts = _answers.TaskStarts;
            var workers = _answers.Workers;
            var labels = _answers.AnswerLabels;
            var counts = _counts[range].AsSpan();
            var classCounts = _classCounts[range].AsSpan();
            counts.Clear();
            classCounts.Clear();
            Span<double> joint = stackalloc double[k];
            var evidence = 0.0;
            for (var t = _bounds[range]; t < _bounds[range + 1]; t++)
            {
                var row = _posterior.AsSpan(t * k, k);
                if (logLikelihood is not null && logPrior is not null)
                {
                    logPrior.CopyTo(joint);
                    for (var a = starts[t]; a < starts[t + 1]; a++)
                    {
                        Add(joint, logLikelihood.AsSpan(((workers[a] * k) + labels[a]) * k, k));
                    }

                    var gold = _gold is null ? GoldLabels.None : _gold[t];
                    if (gold == GoldLabels.None)
                    {
                        evidence += Posteriors.SoftMaxInPlace(joint);
                        joint.CopyTo(row);
                    }
                    else
                    {
                        evidence += joint[gold];
                    }
                }

                Add(classCounts, row);
                for (var a = starts[t]; a < starts[t + 1]; a++)
                {
                    Add(counts.Slice(((workers[a] * k) + labels[a]) * k, k), row);
                }
            }

            return evidence;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Add(Span<double> sum, ReadOnlySpan<double> values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                sum[i] += values[i];
            }
        }
    }
}
