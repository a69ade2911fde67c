using System.Buffers;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>
    /// Every worker's timeline laid end to end, in worker order, with what the timeline walks read gathered
    /// into the same order, so the walks read memory in sequence instead of jumping across the log. The per-slot
    /// arrays are rented from the shared pools (they may be longer than the log) until <see cref="Return"/>.
    /// </summary>
    private sealed class Sequence
    {
        /// <summary>Gold flag of an answer on a task without gold.</summary>
        public const sbyte NoGold = -1;

        private Sequence(int[] start, int[] answer, int[] label, double[] agreement, double[] instant, double[] begin, sbyte[] goldRight)
        {
            Start = start;
            Answer = answer;
            Label = label;
            Agreement = agreement;
            Instant = instant;
            Begin = begin;
            GoldRight = goldRight;
        }

        /// <summary>Slot of each worker's first answer; <c>Start[w + 1] − Start[w]</c> is its number of answers.</summary>
        public int[] Start { get; }

        /// <summary>The answer position in each slot.</summary>
        public int[] Answer { get; }

        /// <summary>The label of each slot's answer.</summary>
        public int[] Label { get; }

        /// <summary>The leave-self-out probability that each slot's answer is right.</summary>
        public double[] Agreement { get; }

        /// <summary>Each slot's place in time (submit, else start time, else NaN); empty when the log is untimed.</summary>
        public double[] Instant { get; }

        /// <summary>Each slot's start time, its instant where the start is missing; empty when the log is untimed.</summary>
        public double[] Begin { get; }

        /// <summary>1 when the slot's answer is on gold and right, 0 on gold and wrong, <see cref="NoGold"/> off gold.</summary>
        public sbyte[] GoldRight { get; }

        public static Sequence Gather(WorkLog log, double[] agreement, bool timed)
        {
            var answers = log.Answers;
            var n = answers.Count;
            var workers = answers.WorkerCount;
            var start = new int[workers + 1];
            for (var w = 0; w < workers; w++)
            {
                start[w + 1] = start[w] + log.Timeline(w).Length;
            }

            var answer = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var label = ArrayPool<int>.Shared.Rent(Math.Max(1, n));
            var right = ArrayPool<double>.Shared.Rent(Math.Max(1, n));
            var instant = timed ? ArrayPool<double>.Shared.Rent(Math.Max(1, n)) : [];
            var begin = timed ? ArrayPool<double>.Shared.Rent(Math.Max(1, n)) : [];
            var gold = ArrayPool<sbyte>.Shared.Rent(Math.Max(1, n));
            WorkerChunks.ForEach(log, static () => 0, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (w, _) =>
            {
                var labels = answers.AnswerLabels;
                var tasks = answers.Tasks;
                var goldLabels = log.Gold.PerTask;
                var started = log.Started;
                var submitted = log.Submitted;
                var timeline = log.Timeline(w);
                var slot = start[w];
                timeline.CopyTo(answer.AsSpan(slot));
                for (var i = 0; i < timeline.Length; i++, slot++)
                {
                    var a = timeline[i];
                    label[slot] = labels[a];
                    right[slot] = agreement[a];
                    var g = goldLabels[tasks[a]];
                    gold[slot] = g < 0 ? NoGold : g == labels[a] ? (sbyte)1 : (sbyte)0;
                    if (timed)
                    {
                        var at = double.IsNaN(submitted[a]) ? started[a] : submitted[a];
                        instant[slot] = at;
                        begin[slot] = double.IsNaN(started[a]) ? at : started[a];
                    }
                }
            });

            return new Sequence(start, answer, label, right, instant, begin, gold);
        }

        /// <summary>Gives the per-slot arrays back to the pools; the sequence must not be used afterwards.</summary>
        public void Return()
        {
            ArrayPool<int>.Shared.Return(Answer);
            ArrayPool<int>.Shared.Return(Label);
            ArrayPool<double>.Shared.Return(Agreement);
            ArrayPool<sbyte>.Shared.Return(GoldRight);
            if (Instant.Length > 0)
            {
                ArrayPool<double>.Shared.Return(Instant);
                ArrayPool<double>.Shared.Return(Begin);
            }
        }
    }
}
