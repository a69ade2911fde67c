using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Identity;

public sealed partial class SharedAccounts
{
    /// <summary>Fits the nulls of every signal the log allows on the workers with enough units.</summary>
    private SignalTests Test(AccountActivity activity, Signals signals)
    {
        var workers = activity.Units.Length;
        var units = new int[workers];
        List<double> rests = [];
        for (var w = 0; w < workers; w++)
        {
            if (activity.Units[w] >= _options.MinActiveUnits)
            {
                units[w] = activity.Units[w];
                if (!double.IsNaN(activity.Rest[w]))
                {
                    rests.Add(activity.Rest[w]);
                }
            }
        }

        UnitCountNull Fit(int[] counts) => UnitCountNull.Fit(counts, units, _options.FloorRate, _options.TrimLevel);
        var (restMedian, restScale) = rests.Count == 0 ? (double.NaN, double.NaN) : Robust.MedianAndScale(rests.ToArray());
        return new SignalTests(
            activity,
            signals,
            units,
            _options,
            signals.Times ? Fit(activity.SleeplessDays) : default,
            signals.Countries ? Fit(activity.MixedUnits) : default,
            signals.Payment ? Fit(activity.ForeignUnits) : default,
            signals.Networks ? Fit(activity.NetworkUnits) : default,
            restMedian,
            Math.Max(_options.MinRestScale, double.IsNaN(restScale) ? 0 : restScale));
    }

    /// <summary>The fitted nulls, and each worker's p-value per signal.</summary>
    private sealed class SignalTests(
        AccountActivity activity,
        Signals signals,
        int[] units,
        SharedAccountsOptions options,
        UnitCountNull sleepless,
        UnitCountNull mixed,
        UnitCountNull foreign,
        UnitCountNull networks,
        double restMedian,
        double restScale)
    {
        /// <summary>The crowd's median rest in hours (NaN without submit times).</summary>
        public double RestMedian => restMedian;

        public double Sleepless(int w) => signals.Times && units[w] > 0 ? sleepless.PValue(activity.SleeplessDays[w], units[w]) : 1;

        public double Rest(int w) => signals.Times && units[w] > 0 && activity.Rest[w] < options.HumanRestHours && !double.IsNaN(restMedian)
            ? Tails.StudentUpper((restMedian - activity.Rest[w]) / restScale, options.TailDegrees)
            : 1;

        public double Mixed(int w) => signals.Countries && units[w] > 0 ? mixed.PValue(activity.MixedUnits[w], units[w]) : 1;

        public double Foreign(int w) => signals.Payment && units[w] > 0 ? foreign.PValue(activity.ForeignUnits[w], units[w]) : 1;

        public double Networks(int w) => signals.Networks && units[w] > 0 ? networks.PValue(activity.NetworkUnits[w], units[w]) : 1;

        /// <summary>The worker's p-value, the answer flags of its signals with evidence, and whether rest (which marks every answer) is one of them.</summary>
        public (double P, byte Mark, bool Every) Worker(int w)
        {
            if (units[w] == 0)
            {
                return (1, 0, false);
            }

            double sleeplessP = Sleepless(w), restP = Rest(w), mixedP = Mixed(w), foreignP = Foreign(w), networksP = Networks(w);
            var min = Math.Min(Math.Min(sleeplessP, restP), Math.Min(mixedP, Math.Min(foreignP, networksP)));
            var level = options.ReportLevel;
            byte mark = 0;
            mark |= sleeplessP <= level ? AccountActivity.Sleepless : (byte)0;
            mark |= mixedP <= level ? AccountActivity.Mixed : (byte)0;
            mark |= foreignP <= level ? AccountActivity.Foreign : (byte)0;
            mark |= networksP <= level ? AccountActivity.Networks : (byte)0;
            return (Math.Min(1, Combine(sleeplessP, restP, mixedP, foreignP, networksP)), mark, restP <= level);
        }

        /// <summary>
        /// The worker's p-value from its signals: round-the-clock activity on its own, or places on their own only
        /// when they agree (see the class remarks).
        /// </summary>
        private double Combine(double sleeplessP, double restP, double mixedP, double foreignP, double networksP)
        {
            var clock = signals.Times ? Math.Min(1, 2 * Math.Min(sleeplessP, restP)) : 1;
            var places = (signals.Countries ? 1 : 0) + (signals.Networks ? 1 : 0);
            var switching = places == 0 ? 1 : Math.Min(1, places * Math.Min(mixedP, networksP));
            var place = signals.Payment ? Math.Max(foreignP, switching) : switching;
            var families = (signals.Times ? 1 : 0) + (places > 0 || signals.Payment ? 1 : 0);
            return families * Math.Min(clock, place);
        }
    }
}
