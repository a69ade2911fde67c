using CrowdFit.Answers;

namespace CrowdFit.Fraud.Rules;

public sealed partial class RuleEngine
{
    /// <summary>
    /// <c>max-rate</c>: a window holds the answers whose submit times t satisfy t_last − t_first &lt; seconds; a
    /// window with more than the allowed answers marks all of them. Two pointers over each worker's timeline.
    /// </summary>
    private static void CheckRate(WorkLog log, FraudRule rule, int r, int type, RuleHits hits, RuleTally[] tally)
    {
        var answers = log.Answers;
        var types = log.Context?.TaskType;
        var submitted = log.Submitted;
        var longest = 0;
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            longest = Math.Max(longest, log.Timeline(w).Length);
        }

        var window = new int[longest];
        var times = new double[longest];
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            // Timelines are in submit-time order, so the answers with a submit time are already sorted.
            var m = 0;
            foreach (var a in log.Timeline(w))
            {
                if (!double.IsNaN(submitted[a]) && Matches(types, answers, type, a))
                {
                    window[m] = a;
                    times[m++] = submitted[a];
                }
            }

            ref var t = ref tally[w];
            t.Considered = m;
            var first = 0;
            var unmarked = 0;
            for (var last = 0; last < m; last++)
            {
                while (times[last] - times[first] >= rule.Seconds)
                {
                    first++;
                }

                var count = last - first + 1;
                if (count <= rule.Answers)
                {
                    continue;
                }

                for (var k = Math.Max(first, unmarked); k <= last; k++)
                {
                    hits.Hit(r, window[k], count);
                }

                unmarked = last + 1;
                if (count > t.Extreme)
                {
                    t.Extreme = count;
                    t.At = times[first];
                }
            }
        }
    }

    /// <summary><c>min-seconds</c> and <c>max-seconds</c>: each answer's claimed duration against the limit.</summary>
    private static void CheckDurations(WorkLog log, FraudRule rule, int r, int type, RuleHits hits, RuleTally[] tally)
    {
        var answers = log.Answers;
        var types = log.Context?.TaskType;
        var workers = answers.Workers;
        var tooQuick = rule.Kind == FraudRuleKind.MinSeconds;
        for (var a = 0; a < answers.Count; a++)
        {
            var duration = log.Duration(a);
            if (double.IsNaN(duration) || !Matches(types, answers, type, a))
            {
                continue;
            }

            ref var t = ref tally[workers[a]];
            t.Considered++;
            if (tooQuick ? duration < rule.Seconds : duration > rule.Seconds)
            {
                t.Extreme = t.Hits == 0 ? duration : tooQuick ? Math.Min(t.Extreme, duration) : Math.Max(t.Extreme, duration);
                hits.Hit(r, a, duration);
            }
        }
    }

    /// <summary><c>max-failed-gold</c>: count each worker's wrong gold answers, then mark them where there are too many.</summary>
    private static void CheckGold(WorkLog log, FraudRule rule, int r, int type, RuleHits hits, RuleTally[] tally)
    {
        var answers = log.Answers;
        var types = log.Context?.TaskType;
        var workers = answers.Workers;
        for (var a = 0; a < answers.Count; a++)
        {
            if (FailedGold(log, a) is { } failed && Matches(types, answers, type, a))
            {
                ref var t = ref tally[workers[a]];
                t.Considered++;
                t.Found += failed ? 1 : 0;
            }
        }

        for (var a = 0; a < answers.Count; a++)
        {
            var found = tally[workers[a]].Found;
            if (found > rule.Count && FailedGold(log, a) == true && Matches(types, answers, type, a))
            {
                tally[workers[a]].Extreme = found;
                hits.Hit(r, a, found);
            }
        }
    }

    /// <summary>Whether answer <paramref name="answer"/> is wrong on gold; <see langword="null"/> when its task has no gold.</summary>
    private static bool? FailedGold(WorkLog log, int answer)
    {
        var gold = log.Gold[log.Answers.Tasks[answer]];
        return gold == GoldLabels.None ? null : gold != log.Answers.AnswerLabels[answer];
    }

    /// <summary><c>country-mismatch</c>: count each worker's answers from another country than its payment country, then mark them where the share is too high.</summary>
    private static void CheckCountries(WorkLog log, FraudRule rule, int r, int type, RuleHits hits, RuleTally[] tally)
    {
        var answers = log.Answers;
        var context = log.Context!;
        var types = context.TaskType;
        var workers = answers.Workers;
        var ids = CountryIds(context.Country!, context.PaymentCountry!);
        for (var a = 0; a < answers.Count; a++)
        {
            if (Mismatch(context, ids, answers.SourceRow(a)) is { } mismatch && Matches(types, answers, type, a))
            {
                ref var t = ref tally[workers[a]];
                t.Considered++;
                t.Found += mismatch ? 1 : 0;
            }
        }

        for (var a = 0; a < answers.Count; a++)
        {
            ref var t = ref tally[workers[a]];
            var share = t.Considered == 0 ? 0 : (double)t.Found / t.Considered;
            if (share > rule.MinShare && Mismatch(context, ids, answers.SourceRow(a)) == true && Matches(types, answers, type, a))
            {
                t.Extreme = share;
                hits.Hit(r, a, share);
            }
        }
    }

    /// <summary>Whether row <paramref name="row"/> came from another country than its payment country; <see langword="null"/> when either is missing.</summary>
    private static bool? Mismatch(AnswerContext context, (int[] Country, int[] Payment) ids, int row)
    {
        var country = context.Country!.Code(row);
        var payment = context.PaymentCountry!.Code(row);
        return country < 0 || payment < 0 ? null : ids.Country[country] != ids.Payment[payment];
    }

    /// <summary>One id per country, shared by both columns, so that "US" and " us" in either column are the same country.</summary>
    private static (int[] Country, int[] Payment) CountryIds(CategoricalColumn country, CategoricalColumn payment)
    {
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        return (Ids(country.Values), Ids(payment.Values));

        int[] Ids(IReadOnlyList<string> values)
        {
            var id = new int[values.Count];
            for (var c = 0; c < id.Length; c++)
            {
                var key = values[c].Trim();
                if (!ids.TryGetValue(key, out id[c]))
                {
                    id[c] = ids.Count;
                    ids.Add(key, id[c]);
                }
            }

            return id;
        }
    }
}
