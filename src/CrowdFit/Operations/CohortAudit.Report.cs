using System.Globalization;

namespace CrowdFit.Operations;

public static partial class CohortAudit
{
    private static CohortReport Report(
        string column,
        string[] names,
        int[] cohort,
        int[] stratum,
        double[] stratumRates,
        ReadOnlySpan<bool> workerFlagged,
        CohortOptions options)
    {
        // Workers and flags per (cohort, stratum) cell and per stratum.
        var strata = stratumRates.Length;
        var cellWorkers = new int[names.Length * strata];
        var cellFlagged = new int[names.Length * strata];
        var stratumWorkers = new int[strata];
        var stratumFlagged = new int[strata];
        for (var w = 0; w < cohort.Length; w++)
        {
            if (cohort[w] >= 0)
            {
                var flag = workerFlagged[w] ? 1 : 0;
                cellWorkers[(cohort[w] * strata) + stratum[w]]++;
                cellFlagged[(cohort[w] * strata) + stratum[w]] += flag;
                stratumWorkers[stratum[w]]++;
                stratumFlagged[stratum[w]] += flag;
            }
        }

        var tested = 0;
        var largest = 0;
        var totalWorkers = 0;
        var totalFlagged = 0;
        for (var c = 0; c < names.Length; c++)
        {
            var size = Sum(cellWorkers.AsSpan(c * strata, strata));
            tested += size >= options.MinWorkers ? 1 : 0;
            largest = Math.Max(largest, size);
            totalWorkers += size;
            totalFlagged += Sum(cellFlagged.AsSpan(c * strata, strata));
        }

        var scratch = new double[2 * (largest + 1)];
        List<CohortRow> rows = [];
        List<string> findings = [];
        for (var c = 0; c < names.Length; c++)
        {
            var cell = new Cell(cellWorkers.AsSpan(c * strata, strata), cellFlagged.AsSpan(c * strata, strata));
            if (Sum(cell.Workers) == 0)
            {
                continue;
            }

            var row = Row(column, names[c], cell, stratumWorkers, stratumFlagged, stratumRates, tested, options, scratch);
            rows.Add(row);
            if (row.Finding is { } finding)
            {
                findings.Add(finding);
            }
        }

        return new CohortReport
        {
            Column = column,
            Cohorts = rows,
            Findings = findings,
            Workers = totalWorkers,
            Flagged = totalFlagged,
            StratumFlagRates = stratumRates,
            TestedCohorts = tested,
        };
    }

    private static CohortRow Row(
        string column,
        string name,
        Cell cell,
        ReadOnlySpan<int> stratumWorkers,
        ReadOnlySpan<int> stratumFlagged,
        ReadOnlySpan<double> stratumRates,
        int tested,
        CohortOptions options,
        Span<double> scratch)
    {
        // The expectation leaves the cohort's own workers out of the stratum rates, so that its own excess does
        // not raise what it is held against; a stratum with no other cohort's workers keeps its full rate.
        var expected = 0.0;
        for (var s = 0; s < cell.Workers.Length; s++)
        {
            if (cell.Workers[s] > 0)
            {
                var others = stratumWorkers[s] - cell.Workers[s];
                var rate = others > 0 ? (double)(stratumFlagged[s] - cell.Flagged[s]) / others : stratumRates[s];
                expected += cell.Workers[s] * rate;
            }
        }

        var workers = Sum(cell.Workers);
        var flagged = Sum(cell.Flagged);
        var ratio = expected > 0 ? flagged / expected : flagged > 0 ? double.PositiveInfinity : 1;
        var flagRate = (double)flagged / workers;
        var isTested = workers >= options.MinWorkers;
        var pValue = isTested
            ? StratifiedUpperTail(stratumWorkers, stratumFlagged, cell.Workers, flagged, options.MaxExactWorkers, scratch)
            : double.NaN;
        var adjusted = isTested ? Math.Min(1, pValue * tested) : double.NaN;
        var finding = isTested && ratio >= options.MinRatio && adjusted <= options.Alpha
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"{Describe(column)} {name}: {flagged} of {workers} workers flagged ({flagRate * 100:0} %), {expected:0.0} expected from the tasks they did (ratio {ratio:0.0}, {FormatP(adjusted)})")
            : null;
        return new CohortRow
        {
            Name = name,
            Workers = workers,
            Flagged = flagged,
            FlagRate = flagRate,
            Expected = expected,
            Ratio = ratio,
            Tested = isTested,
            PValue = pValue,
            AdjustedPValue = adjusted,
            Finding = finding,
        };
    }

    private static int Sum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum;
    }

    private static string FormatP(double p) =>
        p < 0.001 ? "p < 0.001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.000}");

    /// <summary>One cohort's workers and flagged workers per difficulty stratum.</summary>
    private readonly ref struct Cell(ReadOnlySpan<int> workers, ReadOnlySpan<int> flagged)
    {
        public ReadOnlySpan<int> Workers { get; } = workers;

        public ReadOnlySpan<int> Flagged { get; } = flagged;
    }
}
