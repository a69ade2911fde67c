namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>One walk along a worker's timeline that fills the worker's rows; one instance per thread.</summary>
    private sealed class FeaturePass(
        WorkLog log,
        BehaviourFeaturesOptions options,
        Layout layout,
        double[] agreement,
        double[] typeMedian,
        double dayOffset,
        int entropyWindow,
        int agreementWindow,
        float[] values)
    {
        private const double SecondsPerDay = 86_400;

        private readonly int[] _counts = new int[log.Answers.ClassCount];
        private readonly double[] _countLogCount = CountLogCounts(entropyWindow);
        private readonly double _logClasses = Math.Log(Math.Max(2, log.Answers.ClassCount));

        public void Run(int worker)
        {
            var timeline = log.Timeline(worker);
            var labels = log.Answers.AnswerLabels;
            var gold = log.Gold;
            var width = layout.Width;
            Array.Clear(_counts);
            var sumCountLog = 0.0;
            var windowAgreement = 0.0;
            var totalAgreement = 0.0;
            int goldSeen = 0, goldRight = 0, streak = 0, session = 0, rateStart = 0;
            for (var i = 0; i < timeline.Length; i++)
            {
                var a = timeline[i];
                var row = values.AsSpan(a * width, width);
                var label = labels[a];
                var instant = Instant(a);
                var gap = double.NaN;
                if (i > 0)
                {
                    var previous = Instant(timeline[i - 1]);
                    var begin = double.IsNaN(log.Started[a]) ? instant : log.Started[a];
                    gap = Math.Max(0, begin - previous);
                }

                streak = i > 0 && labels[timeline[i - 1]] == label ? streak + 1 : 1;
                session = i == 0 || (layout.HasTime && gap > options.SessionGapSeconds) ? 0 : session + 1;

                // The label window: add this answer, drop the one that falls out.
                sumCountLog += _countLogCount[_counts[label] + 1] - _countLogCount[_counts[label]];
                _counts[label]++;
                if (i >= entropyWindow)
                {
                    var old = labels[timeline[i - entropyWindow]];
                    sumCountLog += _countLogCount[_counts[old] - 1] - _countLogCount[_counts[old]];
                    _counts[old]--;
                }

                var inWindow = Math.Min(i + 1, entropyWindow);
                var entropy = (Math.Log(inWindow) - (sumCountLog / inWindow)) / _logClasses;

                windowAgreement += agreement[a];
                if (i >= agreementWindow)
                {
                    windowAgreement -= agreement[timeline[i - agreementWindow]];
                }

                totalAgreement += agreement[a];
                var goldLabel = gold[log.Answers.Tasks[a]];
                if (goldLabel >= 0)
                {
                    goldSeen++;
                    goldRight += goldLabel == label ? 1 : 0;
                }

                if (layout.HasDuration)
                {
                    var logSeconds = Math.Log(Math.Max(log.Duration(a), options.MinSeconds));
                    row[layout.LogSeconds] = (float)logSeconds;
                    row[layout.RelativeTime] = (float)(logSeconds - typeMedian[log.TaskType(a)]);
                }

                if (layout.HasTime)
                {
                    while (rateStart < i && !(Instant(timeline[rateStart]) > instant - options.RateWindowSeconds))
                    {
                        rateStart++;
                    }

                    row[layout.LogGap] = (float)Math.Log(1 + gap);
                    row[layout.Rate] = double.IsNaN(instant) ? float.NaN : (float)((i - rateStart + 1) * 60 / options.RateWindowSeconds);
                    row[layout.HourOfDay] = (float)(((dayOffset + instant) % SecondsPerDay) / 3600);
                }

                row[layout.Streak] = streak;
                row[layout.SessionPosition] = session;
                row[layout.LabelEntropy] = (float)Math.Clamp(entropy, 0, 1);
                row[layout.Agreement] = (float)agreement[a];
                row[layout.AgreementWindow] = (float)(windowAgreement / Math.Min(i + 1, agreementWindow));
                row[layout.AgreementSoFar] = (float)(totalAgreement / (i + 1));
                row[layout.GoldAccuracySoFar] = goldSeen == 0 ? float.NaN : (float)goldRight / goldSeen;
            }
        }

        /// <summary>c · ln c for c = 0..window.</summary>
        internal static double[] CountLogCounts(int window)
        {
            var table = new double[window + 2];
            for (var c = 1; c < table.Length; c++)
            {
                table[c] = c * Math.Log(c);
            }

            return table;
        }

        /// <summary>The answer's place in time: submit time, else start time, else NaN (the key of the timeline order).</summary>
        private double Instant(int answer) => double.IsNaN(log.Submitted[answer]) ? log.Started[answer] : log.Submitted[answer];
    }
}
