using System.Buffers;
using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>Computes the features of every answer of <paramref name="log"/>.</summary>
    /// <param name="log">The log, with its current truth.</param>
    /// <param name="options">Settings; <see cref="BehaviourFeaturesOptions.Default"/> when null.</param>
    /// <returns>The feature matrix.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static BehaviourFeatures Compute(WorkLog log, BehaviourFeaturesOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= BehaviourFeaturesOptions.Default;
        options.Validate();
        var q = LeaveSelfOut.CorrectProbabilities(log);
        TypicalAgreement.ToResiduals(log, q);
        return Compute(log, options, q);
    }

    /// <summary>As <see cref="Compute(WorkLog, BehaviourFeaturesOptions?)"/>, reusing leave-self-out probabilities already computed.</summary>
    internal static BehaviourFeatures Compute(WorkLog log, BehaviourFeaturesOptions options, double[] agreement)
    {
        var layout = new Layout(log);
        var windows = options.CandidateWindows.Distinct().Order().ToArray();
        var sequence = Sequence.Gather(log, agreement, layout.HasTime);
        var (entropyWindow, agreementWindow, search) = SearchWindows(log, sequence, windows);
        var values = new float[log.Answers.Count * layout.Width];
        FillAnswerColumns(log, options, layout, agreement, values);
        WorkerChunks.ForEach(
            log,
            () => new FeaturePass(options, layout, sequence, log.Answers.ClassCount, entropyWindow, agreementWindow, values),
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (w, pass) => pass.Run(w));
        sequence.Return();
        return new BehaviourFeatures(values, layout.Names, log.Answers.Count, entropyWindow, agreementWindow, search);
    }

    /// <summary>Fills the columns that need only the answer itself (and its task type's median): durations, hour of day and agreement.</summary>
    private static void FillAnswerColumns(WorkLog log, BehaviourFeaturesOptions options, Layout layout, double[] agreement, float[] values)
    {
        const double SecondsPerDay = 86_400;
        var n = log.Answers.Count;
        var width = layout.Width;
        var logSeconds = layout.HasDuration ? LogSeconds(log, options.MinSeconds) : [];
        var types = layout.HasDuration ? TaskTypes(log) : [];
        var typeMedian = layout.HasDuration ? TypeMedians(logSeconds, types, n, log.TaskTypeCount) : [];
        var dayOffset = log.Origin == DateTimeOffset.MinValue ? 0 : log.Origin.UtcDateTime.TimeOfDay.TotalSeconds;
        AnswerRanges(n, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var started = log.Started;
            var submitted = log.Submitted;
            for (var a = from; a < to; a++)
            {
                var row = values.AsSpan(a * width, width);
                if (layout.HasDuration)
                {
                    row[layout.LogSeconds] = (float)logSeconds[a];
                    row[layout.RelativeTime] = (float)(logSeconds[a] - typeMedian[types[a]]);
                }

                if (layout.HasTime)
                {
                    var instant = double.IsNaN(submitted[a]) ? started[a] : submitted[a];
                    row[layout.HourOfDay] = (float)(((dayOffset + instant) % SecondsPerDay) / 3600);
                }

                row[layout.Agreement] = (float)agreement[a];
            }
        });
        if (layout.HasDuration)
        {
            ArrayPool<double>.Shared.Return(logSeconds);
            ArrayPool<int>.Shared.Return(types);
        }
    }

    /// <summary>ln of every answer's duration, floored at <paramref name="minSeconds"/>; NaN where a time is missing. Rented from the shared pool.</summary>
    private static double[] LogSeconds(WorkLog log, double minSeconds)
    {
        var result = ArrayPool<double>.Shared.Rent(Math.Max(1, log.Answers.Count));
        AnswerRanges(log.Answers.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                result[a] = Math.Log(Math.Max(log.Duration(a), minSeconds));
            }
        });
        return result;
    }

    /// <summary>The task type of every answer. Rented from the shared pool.</summary>
    private static int[] TaskTypes(WorkLog log)
    {
        var result = ArrayPool<int>.Shared.Rent(Math.Max(1, log.Answers.Count));
        AnswerRanges(log.Answers.Count, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var a = from; a < to; a++)
            {
                result[a] = log.TaskType(a);
            }
        });
        return result;
    }

    /// <summary>Median ln-duration per task type over the first <paramref name="n"/> answers, NaN for a type without durations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double[] TypeMedians(double[] logSeconds, int[] type, int n, int types)
    {
        var counts = new int[types + 1];
        for (var a = 0; a < n; a++)
        {
            if (double.IsFinite(logSeconds[a]))
            {
                counts[type[a] + 1]++;
            }
        }

        for (var t = 0; t < types; t++)
        {
            counts[t + 1] += counts[t];
        }

        var values = ArrayPool<double>.Shared.Rent(Math.Max(1, counts[types]));
        var fill = (int[])counts.Clone();
        for (var a = 0; a < n; a++)
        {
            if (double.IsFinite(logSeconds[a]))
            {
                values[fill[type[a]]++] = logSeconds[a];
            }
        }

        var medians = new double[types];
        Parallel.For(0, types, t => medians[t] = Robust.Median(values.AsSpan(counts[t], counts[t + 1] - counts[t])));
        ArrayPool<double>.Shared.Return(values);
        return medians;
    }

    /// <summary>Runs <paramref name="body"/> over fixed contiguous ranges of answer positions, in parallel.</summary>
    private static void AnswerRanges(int answers, Action<int, int> body)
    {
        var chunks = Math.Max(1, Math.Min(answers / 16_384, Environment.ProcessorCount * 4));
        Parallel.For(0, chunks, chunk => body((int)((long)answers * chunk / chunks), (int)((long)answers * (chunk + 1) / chunks)));
    }

    /// <summary>The columns present in a log, and where each sits in a row.</summary>
    private sealed class Layout
    {
        public Layout(WorkLog log)
        {
            HasTime = log.HasStartTimes || log.HasSubmitTimes;
            HasDuration = log.HasStartTimes && log.HasSubmitTimes;
            List<string> names = [];
            int Add(string name, bool present)
            {
                if (!present)
                {
                    return -1;
                }

                names.Add(name);
                return names.Count - 1;
            }

            LogSeconds = Add(BehaviourColumns.LogSeconds, HasDuration);
            RelativeTime = Add(BehaviourColumns.RelativeTime, HasDuration);
            LogGap = Add(BehaviourColumns.LogGap, HasTime);
            Rate = Add(BehaviourColumns.Rate, HasTime);
            HourOfDay = Add(BehaviourColumns.HourOfDay, HasTime);
            Streak = Add(BehaviourColumns.Streak, true);
            SessionPosition = Add(BehaviourColumns.SessionPosition, true);
            LabelEntropy = Add(BehaviourColumns.LabelEntropy, true);
            Agreement = Add(BehaviourColumns.Agreement, true);
            AgreementWindow = Add(BehaviourColumns.AgreementWindow, true);
            AgreementSoFar = Add(BehaviourColumns.AgreementSoFar, true);
            GoldAccuracySoFar = Add(BehaviourColumns.GoldAccuracySoFar, true);
            Names = [.. names];
        }

        public bool HasTime { get; }

        public bool HasDuration { get; }

        public string[] Names { get; }

        public int Width => Names.Length;

        public int LogSeconds { get; }

        public int RelativeTime { get; }

        public int LogGap { get; }

        public int Rate { get; }

        public int HourOfDay { get; }

        public int Streak { get; }

        public int SessionPosition { get; }

        public int LabelEntropy { get; }

        public int Agreement { get; }

        public int AgreementWindow { get; }

        public int AgreementSoFar { get; }

        public int GoldAccuracySoFar { get; }
    }
}
