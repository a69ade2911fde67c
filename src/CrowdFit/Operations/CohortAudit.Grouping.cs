using CrowdFit.Answers;

namespace CrowdFit.Operations;

public static partial class CohortAudit
{

    /// <summary>Each worker's most frequent code (the unknown cohort when none), -1 for a worker without answers.</summary>
    private static int[] CategoryCohorts(AnswerSet answers, CategoricalColumn categories, int[] order, int[] workerStart)
    {
        var unknown = categories.Values.Count;
        var cohort = new int[answers.WorkerCount];
        var counts = new int[unknown];
        for (var w = 0; w < cohort.Length; w++)
        {
            if (workerStart[w] == workerStart[w + 1])
            {
                cohort[w] = -1;
                continue;
            }

            var best = unknown;
            var bestCount = 0;
            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                if (categories.Code(answers.SourceRow(order[i])) is var code and >= 0)
                {
                    var c = ++counts[code];
                    if (c > bestCount || (c == bestCount && code < best))
                    {
                        (best, bestCount) = (code, c);
                    }
                }
            }

            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                if (categories.Code(answers.SourceRow(order[i])) is var code and >= 0)
                {
                    counts[code] = 0;
                }
            }

            cohort[w] = best;
        }

        return cohort;
    }

    /// <summary>Each worker's tenure band (0 old, 1 mid, 2 new, 3 unknown), -1 for a worker without answers.</summary>
    private static int[] TenureCohorts(AnswerSet answers, ReadOnlySpan<long> submitted, int[] order, int[] workerStart)
    {
        var cohort = new int[answers.WorkerCount];
        var first = new long[answers.WorkerCount];
        var known = 0;
        for (var w = 0; w < cohort.Length; w++)
        {
            var earliest = long.MaxValue;
            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                if (submitted[answers.SourceRow(order[i])] is var t && t != AnswerContext.MissingTicks)
                {
                    earliest = Math.Min(earliest, t);
                }
            }

            first[w] = earliest;
            cohort[w] = workerStart[w] == workerStart[w + 1] ? -1 : earliest == long.MaxValue ? TenureBands : 0;
            known += cohort[w] == 0 ? 1 : 0;
        }

        // Ranking the first submit times equals ranking them relative to the log's start.
        var sorted = new long[known];
        var at = 0;
        for (var w = 0; w < cohort.Length; w++)
        {
            if (cohort[w] == 0)
            {
                sorted[at++] = first[w];
            }
        }

        Array.Sort(sorted);
        for (var w = 0; w < cohort.Length; w++)
        {
            if (cohort[w] == 0)
            {
                cohort[w] = Band(sorted, first[w], TenureBands);
            }
        }

        return cohort;
    }

    /// <summary>The band of <paramref name="value"/> by the rank of its first occurrence, so ties share a band.</summary>
    private static int Band<T>(T[] sorted, T value, int bands)
        where T : IComparable<T>
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid].CompareTo(value) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (int)((long)lo * bands / sorted.Length);
    }

    /// <summary>Each worker's difficulty stratum (-1 without answers) and each stratum's flag rate.</summary>
    private static (int[] Stratum, double[] Rates) Strata(
        AnswerSet answers,
        ReadOnlySpan<double> taskDifficulty,
        ReadOnlySpan<bool> workerFlagged,
        int[] order,
        int[] workerStart,
        int strata)
    {
        var tasks = answers.Tasks;
        var mean = new double[answers.WorkerCount];
        var stratum = new int[answers.WorkerCount];
        var known = 0;
        for (var w = 0; w < mean.Length; w++)
        {
            var sum = 0.0;
            var n = 0;
            for (var i = workerStart[w]; i < workerStart[w + 1]; i++)
            {
                if (taskDifficulty[tasks[order[i]]] is var d && double.IsFinite(d))
                {
                    sum += d;
                    n++;
                }
            }

            mean[w] = n > 0 ? sum / n : double.NaN;
            stratum[w] = workerStart[w] == workerStart[w + 1] ? -1 : n > 0 ? 0 : strata;
            known += stratum[w] == 0 ? 1 : 0;
        }

        var sorted = new double[known];
        var at = 0;
        for (var w = 0; w < mean.Length; w++)
        {
            if (stratum[w] == 0)
            {
                sorted[at++] = mean[w];
            }
        }

        Array.Sort(sorted);
        var workers = new int[strata + 1];
        var flagged = new int[strata + 1];
        for (var w = 0; w < mean.Length; w++)
        {
            if (stratum[w] < 0)
            {
                continue;
            }

            if (stratum[w] == 0)
            {
                stratum[w] = Band(sorted, mean[w], strata);
            }

            workers[stratum[w]]++;
            flagged[stratum[w]] += workerFlagged[w] ? 1 : 0;
        }

        var rates = new double[strata + 1];
        for (var s = 0; s < rates.Length; s++)
        {
            rates[s] = workers[s] > 0 ? (double)flagged[s] / workers[s] : double.NaN;
        }

        return (stratum, rates);
    }
}
