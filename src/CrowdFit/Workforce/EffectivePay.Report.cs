using System.Globalization;
using CrowdFit.Answers;

namespace CrowdFit.Workforce;

public static partial class EffectivePay
{
    private const double MedianShare = 0.5;
    private const double LowShare = 0.1;

    private static PayReport Report(AnswerSet answers, int[] order, int[] workerStart, Claims claims, double[] hours, PayOptions options)
    {
        var floor = options.Floor;
        var typeCount = claims.TypeNames.Length;
        var cell = new Tally[typeCount];
        var typeTotal = new Tally[typeCount];
        var typeWorkers = new int[typeCount];
        var touched = new int[typeCount];
        var rated = new RatedCells(answers.Count);
        List<WorkerPay> cells = [];
        List<WorkerPay> workers = [];
        Tally all = default;
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var k = 0;
            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                var a = order[i];
                var t = claims.Type[a];
                if (cell[t].Answers == 0)
                {
                    touched[k++] = t;
                }

                cell[t].Add(claims, hours, a);
            }

            if (k == 0)
            {
                continue;
            }

            touched.AsSpan(0, k).Sort();
            var id = answers.WorkerIds[w];
            Tally worker = default;
            foreach (var t in touched.AsSpan(0, k))
            {
                cells.Add(cell[t].ToRow(w, id, t, claims.TypeNames[t], floor));
                rated.Add(t, cell[t]);
                worker.Add(cell[t]);
                typeTotal[t].Add(cell[t]);
                typeWorkers[t]++;
                cell[t] = default;
            }

            workers.Add(worker.ToRow(w, id, -1, null, floor));
            all.Add(worker);
        }

        var types = TaskTypes(claims.TypeNames, typeTotal, typeWorkers, rated, options);
        List<string> flags = [];
        foreach (var type in types)
        {
            if (type.Flag is { } flag)
            {
                flags.Add(flag);
            }
        }

        return new PayReport
        {
            Floor = floor,
            Currency = options.Currency,
            Cells = cells,
            Workers = workers,
            TaskTypes = types,
            Flags = flags,
            Answers = all.Answers,
            UnknownTimeAnswers = all.UnknownTime,
            UnknownRewardAnswers = all.UnknownReward,
            Paid = all.Paid,
            Hours = all.Hours,
        };
    }

    private static TaskTypePay[] TaskTypes(string[] names, Tally[] totals, int[] workers, RatedCells rated, PayOptions options)
    {
        var floor = options.Floor;
        var typeStart = rated.GroupByType(names.Length);
        var types = new TaskTypePay[names.Length];
        for (var t = 0; t < names.Length; t++)
        {
            var rates = rated.Rate.AsSpan(typeStart[t]..typeStart[t + 1]);
            var hours = rated.Hours.AsSpan(typeStart[t]..typeStart[t + 1]);
            rates.Sort(hours);
            var total = totals[t].Hours;
            var median = WeightedQuantile(rates, hours, total, MedianShare);
            var low = WeightedQuantile(rates, hours, total, LowShare);
            var below = 0.0;
            for (var i = 0; i < rates.Length && rates[i] < floor; i++)
            {
                below += hours[i];
            }

            var share = total > 0 ? below / total : double.NaN;
            var under = median < floor;
            types[t] = new TaskTypePay(
                t,
                names[t],
                workers[t],
                totals[t].Answers,
                totals[t].Paid,
                total,
                totals[t].Rate,
                median,
                low,
                share,
                under,
                under ? Flag(names[t], median, share, options) : null);
        }

        return types;
    }

    /// <summary>The lowest rate at which at least <paramref name="share"/> of the hours are paid that rate or less; NaN without hours.</summary>
    private static double WeightedQuantile(ReadOnlySpan<double> sortedRates, ReadOnlySpan<double> hours, double total, double share)
    {
        // A relative slack keeps an exact tie (two equal halves of the hours) from falling to the upper rate by rounding.
        var target = share * total * (1 - 1e-12);
        var covered = 0.0;
        for (var i = 0; i < sortedRates.Length; i++)
        {
            covered += hours[i];
            if (covered >= target)
            {
                return sortedRates[i];
            }
        }

        return sortedRates.IsEmpty ? double.NaN : sortedRates[^1];
    }

    private static string Flag(string name, double median, double share, PayOptions options)
    {
        var unit = options.Currency.Length > 0 ? $" {options.Currency}/h" : "/h";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"task type '{name}' pays a median {median:0.00}{unit}, under the floor {options.Floor:0.00}{unit}; {share * 100:0} % of its hours are under it");
    }
}
