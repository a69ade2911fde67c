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
        return Compute(log, options, q);
    }

    /// <summary>As <see cref="Compute(WorkLog, BehaviourFeaturesOptions?)"/>, reusing leave-self-out probabilities already computed.</summary>
    internal static BehaviourFeatures Compute(WorkLog log, BehaviourFeaturesOptions options, double[] agreement)
    {
        var layout = new Layout(log);
        var windows = options.CandidateWindows.Distinct().Order().ToArray();
        var (entropyWindow, agreementWindow, search) = SearchWindows(log, agreement, windows);
        var typeMedian = layout.HasDuration ? TypeMedians(log, options.MinSeconds) : [];
        var values = new float[log.Answers.Count * layout.Width];
        var dayOffset = log.Origin == DateTimeOffset.MinValue ? 0 : log.Origin.UtcDateTime.TimeOfDay.TotalSeconds;
        WorkerChunks.ForEach(
            log,
            () => new FeaturePass(log, options, layout, agreement, typeMedian, dayOffset, entropyWindow, agreementWindow, values),
            static (w, pass) => pass.Run(w));

        return new BehaviourFeatures(values, layout.Names, log.Answers.Count, entropyWindow, agreementWindow, search);
    }

    /// <summary>Median ln-duration per task type, NaN for a type without durations.</summary>
    private static double[] TypeMedians(WorkLog log, double minSeconds)
    {
        var types = log.TaskTypeCount;
        var counts = new int[types + 1];
        var n = log.Answers.Count;
        for (var a = 0; a < n; a++)
        {
            if (double.IsFinite(log.Duration(a)))
            {
                counts[log.TaskType(a) + 1]++;
            }
        }

        for (var t = 0; t < types; t++)
        {
            counts[t + 1] += counts[t];
        }

        var values = new double[counts[types]];
        var fill = (int[])counts.Clone();
        for (var a = 0; a < n; a++)
        {
            var d = log.Duration(a);
            if (double.IsFinite(d))
            {
                values[fill[log.TaskType(a)]++] = Math.Log(Math.Max(d, minSeconds));
            }
        }

        var medians = new double[types];
        for (var t = 0; t < types; t++)
        {
            medians[t] = Robust.Median(values.AsSpan(counts[t], counts[t + 1] - counts[t]));
        }

        return medians;
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
