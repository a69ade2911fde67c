using CrowdFit.Answers;

namespace CrowdFit.Workforce;

public static partial class EffectivePay
{
    /// <summary>Each answer's claimed interval, reward and task type, by answer position.</summary>
    private sealed class Claims
    {
        private Claims(int n)
        {
            Start = new long[n];
            End = new long[n];
            Reward = new double[n];
            Type = new int[n];
        }

        /// <summary>Start ticks; <see cref="AnswerContext.MissingTicks"/> when the time is unknown (a timestamp missing, or the submit not after the start).</summary>
        public long[] Start { get; }

        /// <summary>Submit ticks (meaningful only where <see cref="Start"/> is known).</summary>
        public long[] End { get; }

        /// <summary>Reward; NaN when missing.</summary>
        public double[] Reward { get; }

        /// <summary>Task type index: the log's code, or <see cref="TypeNames"/>.Length - 1 for the untyped bucket.</summary>
        public int[] Type { get; }

        /// <summary>Task type names by index.</summary>
        public string[] TypeNames { get; private set; } = [];

        /// <summary>Answers with a known time.</summary>
        public int Timed { get; private set; }

        /// <summary>Answers with a known reward.</summary>
        public int Rewarded { get; private set; }

        public static Claims Read(AnswerSet answers, AnswerContext context)
        {
            var n = answers.Count;
            var claims = new Claims(n);
            var started = context.StartedAtTicks;
            var submitted = context.SubmittedAtTicks;
            var rewards = context.Rewards;
            var typeColumn = context.TaskType;
            var named = typeColumn?.Values.Count ?? 0;
            var untyped = false;
            for (var a = 0; a < n; a++)
            {
                var row = answers.SourceRow(a);
                if ((uint)row >= (uint)context.RowCount)
                {
                    throw new ArgumentException($"Answer {a} comes from source row {row}, but the context has rows 0..{context.RowCount - 1}.", nameof(context));
                }

                var code = typeColumn?.Code(row) ?? CategoricalColumn.Missing;
                if (code == CategoricalColumn.Missing)
                {
                    code = named;
                    untyped = true;
                }

                claims.Type[a] = code;
                var (start, end) = (started[row], submitted[row]);
                var known = start != AnswerContext.MissingTicks && end != AnswerContext.MissingTicks && end > start;
                claims.Start[a] = known ? start : AnswerContext.MissingTicks;
                claims.End[a] = known ? end : AnswerContext.MissingTicks;
                claims.Timed += known ? 1 : 0;
                claims.Reward[a] = rewards[row];
                claims.Rewarded += double.IsNaN(rewards[row]) ? 0 : 1;
            }

            var names = new string[named + (untyped ? 1 : 0)];
            for (var t = 0; t < named; t++)
            {
                names[t] = typeColumn!.Values[t];
            }

            if (untyped)
            {
                names[named] = NoTypeName;
            }

            claims.TypeNames = names;
            return claims;
        }
    }
}
