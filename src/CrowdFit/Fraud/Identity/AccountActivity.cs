using System.Numerics;
using CrowdFit.Answers;

namespace CrowdFit.Fraud.Identity;

/// <summary>
/// One pass over every worker's timeline: its active units (UTC days, or blocks of answers when there are no
/// submit times), how many of them were days without rest, had two login countries, a login country other
/// than the payment country, or two devices or networks, and the hours of rest in its habitual day.
/// </summary>
internal sealed class AccountActivity
{
    /// <summary>Answer flag: in a stretch of work of 24 hours or more without a rest break.</summary>
    public const byte Sleepless = 1;

    /// <summary>Answer flag: in a unit with two or more login countries.</summary>
    public const byte Mixed = 2;

    /// <summary>Answer flag: in a unit with answers from outside the payment country.</summary>
    public const byte Foreign = 4;

    /// <summary>Answer flag: in a unit with two or more devices or networks.</summary>
    public const byte Networks = 8;

    private const double Day = 86400;

    private AccountActivity(int workers, int answers)
    {
        Units = new int[workers];
        SleeplessDays = new int[workers];
        MixedUnits = new int[workers];
        ForeignUnits = new int[workers];
        NetworkUnits = new int[workers];
        Rest = new double[workers];
        Array.Fill(Rest, double.NaN);
        Flags = new byte[answers];
    }

    /// <summary>Active units per worker.</summary>
    public int[] Units { get; }

    /// <summary>Per worker, whole days of work without a rest break (at most its units).</summary>
    public int[] SleeplessDays { get; }

    /// <summary>Per worker, units with two or more login countries.</summary>
    public int[] MixedUnits { get; }

    /// <summary>Per worker, units with answers from a login country other than the payment country.</summary>
    public int[] ForeignUnits { get; }

    /// <summary>Per worker, units with two or more devices or IP networks.</summary>
    public int[] NetworkUnits { get; }

    /// <summary>Per worker, the longest circular run of UTC hours that are not habitual for it (0 to 24); NaN without submit times or units.</summary>
    public double[] Rest { get; }

    /// <summary>Per answer, which kinds of event unit it lies in (the constants above, or-ed).</summary>
    public byte[] Flags { get; }

    /// <summary>Measures every worker.</summary>
    public static AccountActivity Measure(WorkLog log, SharedAccountsOptions options)
    {
        var answers = log.Answers;
        var activity = new AccountActivity(answers.WorkerCount, answers.Count);
        var pass = new Pass(log, options, activity);
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            pass.Worker(w);
        }

        return activity;
    }

    /// <summary>The per-worker state of the pass, reused from worker to worker.</summary>
    private sealed class Pass(WorkLog log, SharedAccountsOptions options, AccountActivity activity)
    {
        private readonly AnswerSet _answers = log.Answers;
        private readonly bool _timed = log.HasSubmitTimes;
        private readonly double _originSeconds = log.HasSubmitTimes ? (double)(log.Origin.UtcTicks % TimeSpan.TicksPerDay) / TimeSpan.TicksPerSecond : 0;
        private readonly double _break = options.BreakHours * 3600;
        private readonly CategoricalColumn? _country = log.Context?.Country;
        private readonly CategoricalColumn? _payment = log.Context?.PaymentCountry;
        private readonly int[]? _paymentOfCountry = PaymentCodes(log.Context);
        private readonly CategoricalColumn? _device = log.Context?.Device;
        private readonly CategoricalColumn? _ip = log.Context?.Ip;
        private readonly int[]? _prefixOf = log.Context?.Ip is { } ip ? NetworkPrefix.Of(ip).PrefixOf : null;
        private readonly UnitValues _countries = new();
        private readonly UnitValues _devices = new();
        private readonly UnitValues _networks = new();
        private readonly int[] _hourDays = new int[24];
        private int _foreignAnswers;
        private int _hours;

        public void Worker(int worker)
        {
            var timeline = log.Timeline(worker);
            var submitted = log.Submitted;
            Array.Clear(_hourDays);
            var unitKey = long.MinValue;
            var unitStart = 0;
            var chainStart = 0;
            var end = 0;
            for (; end < timeline.Length; end++)
            {
                var a = timeline[end];
                var s = submitted[a];
                long key;
                var hour = 0;
                if (_timed)
                {
                    // Untimed answers come last in a timeline; they belong to no day.
                    if (double.IsNaN(s))
                    {
                        break;
                    }

                    var since = s + _originSeconds;
                    key = (long)Math.Floor(since / Day);
                    hour = Math.Clamp((int)((since - (key * Day)) / 3600), 0, 23);
                    if (end > 0 && s - submitted[timeline[end - 1]] >= _break)
                    {
                        CloseChain(worker, timeline, chainStart, end);
                        chainStart = end;
                    }
                }
                else
                {
                    key = end / options.AnswersPerBlock;
                }

                if (key != unitKey)
                {
                    if (unitKey != long.MinValue)
                    {
                        CloseUnit(worker, timeline, unitStart, end);
                    }

                    unitKey = key;
                    unitStart = end;
                }

                _hours |= _timed ? 1 << hour : 0;
                Add(_answers.SourceRow(a));
            }

            if (end > 0)
            {
                CloseUnit(worker, timeline, unitStart, end);
                if (_timed)
                {
                    CloseChain(worker, timeline, chainStart, end);
                }
            }

            activity.SleeplessDays[worker] = Math.Min(activity.SleeplessDays[worker], activity.Units[worker]);
            if (_timed && activity.Units[worker] > 0)
            {
                activity.Rest[worker] = LongestRest(Math.Max(2, options.HabitualShare * activity.Units[worker]));
            }
        }

        private void Add(int row)
        {
            if (_country is not null)
            {
                var country = _country.Code(row);
                _countries.Add(country);
                if (_paymentOfCountry is not null && country >= 0 && _payment!.Code(row) is var payment and >= 0 && _paymentOfCountry[country] != payment)
                {
                    _foreignAnswers++;
                }
            }

            if (_device is not null)
            {
                _devices.Add(_device.Code(row));
            }

            if (_ip is not null && _ip.Code(row) is var ip and >= 0)
            {
                _networks.Add(_prefixOf![ip]);
            }
        }

        private void CloseUnit(int worker, ReadOnlySpan<int> timeline, int start, int end)
        {
            activity.Units[worker]++;
            byte flags = 0;
            var min = options.MinUnitAnswers;
            if (_countries.CountWith(min) >= 2)
            {
                flags |= Mixed;
                activity.MixedUnits[worker]++;
            }

            if (_foreignAnswers >= min)
            {
                flags |= Foreign;
                activity.ForeignUnits[worker]++;
            }

            if (_devices.CountWith(min) >= 2 || _networks.CountWith(min) >= 2)
            {
                flags |= Networks;
                activity.NetworkUnits[worker]++;
            }

            if (flags != 0)
            {
                foreach (var a in timeline[start..end])
                {
                    activity.Flags[a] |= flags;
                }
            }

            for (var h = _hours; h != 0; h &= h - 1)
            {
                _hourDays[BitOperations.TrailingZeroCount(h)]++;
            }

            _hours = 0;
            _foreignAnswers = 0;
            _countries.Clear();
            _devices.Clear();
            _networks.Clear();
        }

        private void CloseChain(int worker, ReadOnlySpan<int> timeline, int start, int end)
        {
            var submitted = log.Submitted;
            var days = (int)((submitted[timeline[end - 1]] - submitted[timeline[start]]) / Day);
            if (days > 0)
            {
                activity.SleeplessDays[worker] += days;
                foreach (var a in timeline[start..end])
                {
                    activity.Flags[a] |= Sleepless;
                }
            }
        }

        /// <summary>The longest circular run of hours active on fewer than <paramref name="habitual"/> days.</summary>
        private double LongestRest(double habitual)
        {
            int longest = 0, run = 0;
            for (var i = 0; i < 48; i++)
            {
                run = _hourDays[i % 24] < habitual ? run + 1 : 0;
                longest = Math.Max(longest, run);
            }

            return Math.Min(24, longest);
        }

        /// <summary>For each login country code, the payment country code with the same name (ignoring case), or -1.</summary>
        private static int[]? PaymentCodes(AnswerContext? context)
        {
            if (context?.Country is not { } country || context.PaymentCountry is not { } payment)
            {
                return null;
            }

            var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < payment.Values.Count; i++)
            {
                byName.TryAdd(payment.Values[i].Trim(), i);
            }

            var map = new int[country.Values.Count];
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = byName.TryGetValue(country.Values[i].Trim(), out var code) ? code : -1;
            }

            return map;
        }
    }
}
