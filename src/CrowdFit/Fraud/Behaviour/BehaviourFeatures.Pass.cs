using System.Runtime.CompilerServices;

namespace CrowdFit.Fraud.Behaviour;

public sealed partial class BehaviourFeatures
{
    /// <summary>One walk along a worker's timeline that fills the worker's timeline-dependent columns; one instance per thread.</summary>
    private sealed class FeaturePass(
        BehaviourFeaturesOptions options,
        Layout layout,
        Sequence sequence,
        int classes,
        int entropyWindow,
        int agreementWindow,
        float[] values)
    {
        private readonly int[] _counts = new int[classes];
        private readonly double[] _countLogCount = CountLogCounts(entropyWindow);
        private readonly double[] _logInWindow = LogTable(entropyWindow);
        private readonly double _logClasses = Math.Log(Math.Max(2, classes));

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Run(int worker)
        {
            var from = sequence.Start[worker];
            var length = sequence.Start[worker + 1] - from;
            var answer = sequence.Answer.AsSpan(from, length);
            var labels = sequence.Label.AsSpan(from, length);
            var agreement = sequence.Agreement.AsSpan(from, length);
            var gold = sequence.GoldRight.AsSpan(from, length);
            var instants = layout.HasTime ? sequence.Instant.AsSpan(from, length) : default;
            var begins = layout.HasTime ? sequence.Begin.AsSpan(from, length) : default;
            var width = layout.Width;
            Array.Clear(_counts);
            var sumCountLog = 0.0;
            var windowAgreement = 0.0;
            var totalAgreement = 0.0;
            int goldSeen = 0, goldRight = 0, streak = 0, session = 0, rateStart = 0;
            for (var i = 0; i < length; i++)
            {
                var row = values.AsSpan(answer[i] * width, width);
                var label = labels[i];
                streak = i > 0 && labels[i - 1] == label ? streak + 1 : 1;

                // The label window: add this answer, drop the one that falls out.
                sumCountLog += _countLogCount[_counts[label] + 1] - _countLogCount[_counts[label]];
                _counts[label]++;
                if (i >= entropyWindow)
                {
                    var old = labels[i - entropyWindow];
                    sumCountLog += _countLogCount[_counts[old] - 1] - _countLogCount[_counts[old]];
                    _counts[old]--;
                }

                var inWindow = Math.Min(i + 1, entropyWindow);
                var entropy = (_logInWindow[inWindow] - (sumCountLog / inWindow)) / _logClasses;

                windowAgreement += agreement[i];
                if (i >= agreementWindow)
                {
                    windowAgreement -= agreement[i - agreementWindow];
                }

                totalAgreement += agreement[i];
                if (gold[i] != Sequence.NoGold)
                {
                    goldSeen++;
                    goldRight += gold[i];
                }

                if (layout.HasTime)
                {
                    var instant = instants[i];
                    var gap = i > 0 ? Math.Max(0, begins[i] - instants[i - 1]) : double.NaN;
                    session = i == 0 || gap > options.SessionGapSeconds ? 0 : session + 1;
                    while (rateStart < i && !(instants[rateStart] > instant - options.RateWindowSeconds))
                    {
                        rateStart++;
                    }

                    row[layout.LogGap] = (float)Math.Log(1 + gap);
                    row[layout.Rate] = double.IsNaN(instant) ? float.NaN : (float)((i - rateStart + 1) * 60 / options.RateWindowSeconds);
                }
                else
                {
                    session = i == 0 ? 0 : session + 1;
                }

                row[layout.Streak] = streak;
                row[layout.SessionPosition] = session;
                row[layout.LabelEntropy] = (float)Math.Clamp(entropy, 0, 1);
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

        /// <summary>ln c for c = 0..window.</summary>
        private static double[] LogTable(int window)
        {
            var table = new double[window + 1];
            for (var c = 0; c < table.Length; c++)
            {
                table[c] = Math.Log(c);
            }

            return table;
        }
    }
}
