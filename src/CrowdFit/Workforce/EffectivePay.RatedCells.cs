namespace CrowdFit.Workforce;

public static partial class EffectivePay
{
    /// <summary>The (worker, type) rates with known hours, for the task types' quantiles.</summary>
    private sealed class RatedCells(int capacity)
    {
        private readonly int[] _type = new int[capacity];
        private int _count;

        /// <summary>Rate of each cell; grouped by type after <see cref="GroupByType"/>.</summary>
        public double[] Rate { get; private set; } = new double[capacity];

        /// <summary>Hours of each cell; grouped as <see cref="Rate"/>.</summary>
        public double[] Hours { get; private set; } = new double[capacity];

        public void Add(int type, in Tally cell)
        {
            if (cell.Hours > 0)
            {
                _type[_count] = type;
                Rate[_count] = cell.Rate;
                Hours[_count++] = cell.Hours;
            }
        }

        /// <summary>Reorders the cells by type (a counting sort) and returns each type's offset, <paramref name="typeCount"/> + 1 entries.</summary>
        public int[] GroupByType(int typeCount)
        {
            var start = new int[typeCount + 1];
            for (var i = 0; i < _count; i++)
            {
                start[_type[i] + 1]++;
            }

            for (var t = 0; t < typeCount; t++)
            {
                start[t + 1] += start[t];
            }

            var next = start[..^1];
            var rate = new double[_count];
            var hours = new double[_count];
            for (var i = 0; i < _count; i++)
            {
                var to = next[_type[i]]++;
                rate[to] = Rate[i];
                hours[to] = Hours[i];
            }

            Rate = rate;
            Hours = hours;
            return start;
        }
    }
}
