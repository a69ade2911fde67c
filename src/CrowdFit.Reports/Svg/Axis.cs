namespace CrowdFit.Reports;

/// <summary>A linear axis with round ticks (1, 2, 2.5 or 5 times a power of ten).</summary>
internal sealed class Axis
{
    private Axis(double min, double max, double step)
    {
        Min = min;
        Max = max;
        Step = step;
    }

    public double Min { get; }

    public double Max { get; }

    public double Step { get; }

    /// <summary>Ticks from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks
    {
        get
        {
            var n = (int)Math.Round((Max - Min) / Step);
            return Enumerable.Range(0, n + 1).Select(i => Min + (i * Step));
        }
    }

    /// <summary>An axis that covers [<paramref name="low"/>, <paramref name="high"/>] with about <paramref name="ticks"/> intervals.</summary>
    public static Axis Covering(double low, double high, int ticks = 5)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high))
        {
            (low, high) = (0, 1);
        }

        if (high <= low)
        {
            high = low + (low == 0 ? 1 : Math.Abs(low) * 0.1);
        }

        var step = AnalysisReportBuilder.RoundUp((high - low) / ticks);
        var min = Math.Floor((low / step) + 1e-9) * step;
        var max = Math.Ceiling((high / step) - 1e-9) * step;
        return new Axis(min, max, step);
    }

    /// <summary>Position of <paramref name="value"/> between <paramref name="from"/> (at <see cref="Min"/>) and <paramref name="to"/> (at <see cref="Max"/>).</summary>
    public double Map(double value, double from, double to) => from + ((value - Min) / (Max - Min) * (to - from));

    /// <summary>A tick label with as many decimals as the step needs.</summary>
    public string Label(double value)
    {
        var decimals = 0;
        while (decimals < 4 && Math.Abs((Step * Math.Pow(10, decimals)) - Math.Round(Step * Math.Pow(10, decimals))) > 1e-9)
        {
            decimals++;
        }

        return Math.Abs(value) >= 10_000 ? value.ToString("N0", Markup.Invariant) : value.ToString("F" + Math.Min(decimals, 4).ToString(Markup.Invariant), Markup.Invariant);
    }
}
