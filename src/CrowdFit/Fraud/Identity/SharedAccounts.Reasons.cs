using System.Globalization;
using CrowdFit.Answers;

namespace CrowdFit.Fraud.Identity;

public sealed partial class SharedAccounts
{
    /// <summary>The signals with evidence, strongest first, as one sentence.</summary>
    private string Reason(WorkLog log, AccountActivity activity, SignalTests tests, int w)
    {
        var inv = CultureInfo.InvariantCulture;
        var n = activity.Units[w];
        var unit = log.HasSubmitTimes ? "days" : "blocks";
        List<(double P, string Text)> parts = [];
        void Add(double p, string text)
        {
            if (p <= _options.ReportLevel)
            {
                parts.Add((p, text));
            }
        }

        Add(tests.Sleepless(w), string.Create(inv, $"no {_options.BreakHours:0.#}-hour break for {activity.SleeplessDays[w]} of {n} active days"));
        Add(tests.Rest(w), string.Create(inv, $"habitual hours leave {activity.Rest[w]:0} h of rest a day, the crowd's median {tests.RestMedian:0} h"));
        Add(tests.Mixed(w), string.Create(inv, $"answers from {Distinct(log, log.Context?.Country, w)} countries, two or more on {activity.MixedUnits[w]} of {n} {unit}"));
        Add(tests.Foreign(w), string.Create(inv, $"login country unlike payment country {Commonest(log, log.Context?.PaymentCountry, w)} on {activity.ForeignUnits[w]} of {n} {unit}"));
        Add(tests.Networks(w), string.Create(inv, $"two or more devices or networks on {activity.NetworkUnits[w]} of {n} {unit} ({Distinct(log, log.Context?.Device, w)} devices)"));
        parts.Sort((x, y) => x.P.CompareTo(y.P));
        return parts.Count == 0 ? "several weak signs of an account worked by several people" : string.Join("; ", parts.Select(x => x.Text));
    }

    private static string? AnswerReason(WorkLog log, AccountActivity activity, byte[] marks, bool[] everyAnswer, string?[] reasons, int answer)
    {
        var w = log.Answers.Workers[answer];
        var flags = activity.Flags[answer] & marks[w];
        var unit = log.HasSubmitTimes ? "day" : "block";
        List<string> parts = [];
        if ((flags & AccountActivity.Sleepless) != 0)
        {
            parts.Add("in a stretch of work of a day or more without rest");
        }

        if ((flags & AccountActivity.Mixed) != 0)
        {
            parts.Add($"on a {unit} with answers from two or more countries");
        }

        if ((flags & AccountActivity.Foreign) != 0)
        {
            parts.Add($"on a {unit} with answers from outside the payment country");
        }

        if ((flags & AccountActivity.Networks) != 0)
        {
            parts.Add($"on a {unit} with two or more devices or networks");
        }

        return parts.Count > 0 ? $"submitted {string.Join(", ", parts)} ({reasons[w]})" : everyAnswer[w] ? reasons[w] : null;
    }

    /// <summary>Number of values of a column the worker used on more than one answer (0 when the column is absent).</summary>
    private static int Distinct(WorkLog log, CategoricalColumn? column, int w) =>
        column is null ? 0 : Counts(log, column, w).Count(x => x.Value >= 2);

    /// <summary>The worker's commonest value of a column, or "?".</summary>
    private static string Commonest(WorkLog log, CategoricalColumn? column, int w)
    {
        if (column is null)
        {
            return "?";
        }

        var counts = Counts(log, column, w);
        return counts.Count == 0 ? "?" : column.Values[counts.OrderByDescending(x => x.Value).ThenBy(x => x.Key).First().Key];
    }

    private static Dictionary<int, int> Counts(WorkLog log, CategoricalColumn column, int w)
    {
        var counts = new Dictionary<int, int>();
        foreach (var a in log.Timeline(w))
        {
            if (column.Code(log.Answers.SourceRow(a)) is var code and >= 0)
            {
                counts[code] = counts.GetValueOrDefault(code) + 1;
            }
        }

        return counts;
    }
}
