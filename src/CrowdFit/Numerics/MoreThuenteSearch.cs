namespace CrowdFit.Numerics;

/// <summary>
/// The Moré–Thuente line search (MINPACK-2 <c>dcsrch</c>): finds a step meeting the strong Wolfe
/// conditions by safeguarded cubic and quadratic interpolation inside an interval of uncertainty.
/// </summary>
/// <remarks>
/// Moré, J. J. and Thuente, D. J. (1994), "Line search algorithms with guaranteed sufficient decrease",
/// ACM Transactions on Mathematical Software 20(3). Follows the MINPACK-2 decisions step for step, as
/// SciPy's <c>line_search_wolfe1</c> does, so that an optimiser built on it takes the same steps.
/// </remarks>
internal static partial class MoreThuenteSearch
{
    private const double Bisect = 0.66;
    private const double ExtrapolateLow = 1.1;
    private const double ExtrapolateHigh = 4.0;

    /// <summary>Searches from <paramref name="step"/> for a step meeting the strong Wolfe conditions.</summary>
    /// <param name="probe">Value and slope along the line.</param>
    /// <param name="value0">Value at step 0.</param>
    /// <param name="slope0">Slope at step 0; must be negative.</param>
    /// <param name="step">First trial step, within [<paramref name="stepMin"/>, <paramref name="stepMax"/>].</param>
    /// <param name="decrease">Sufficient-decrease constant (c1).</param>
    /// <param name="curvature">Curvature constant (c2).</param>
    /// <param name="relativeWidth">Relative width of the interval below which the search gives up.</param>
    /// <param name="stepMin">Smallest step allowed.</param>
    /// <param name="stepMax">Largest step allowed.</param>
    /// <param name="maxProbes">Most calls of <paramref name="probe"/> plus one.</param>
    /// <returns>The accepted step and its value, or a NaN step when the search fails or only warns.</returns>
    public static (double Step, double Value) Search(
        LineProbe probe, double value0, double slope0, double step, double decrease, double curvature,
        double relativeWidth, double stepMin, double stepMax, int maxProbes)
    {
        if (step < stepMin || step > stepMax || slope0 >= 0 || stepMax < stepMin)
        {
            return (double.NaN, value0);
        }

        var bracketed = false;
        var stage = 1;
        var slopeTest = decrease * slope0;
        var width = stepMax - stepMin;
        var width1 = 2 * width;
        var best = new Point(0, value0, slope0);
        var other = best;
        var low = 0.0;
        var high = step + (ExtrapolateHigh * step);
        for (var i = 1; i < maxProbes; i++)
        {
            if (!double.IsFinite(step))
            {
                return (double.NaN, value0);
            }

            var (f, g) = probe(step);
            var valueTest = value0 + (step * slopeTest);
            if (stage == 1 && f <= valueTest && g >= 0)
            {
                stage = 2;
            }

            if (f <= valueTest && Math.Abs(g) <= curvature * -slope0)
            {
                return (step, f);
            }

            var stuck = (bracketed && (step <= low || step >= high))
                || (bracketed && high - low <= relativeWidth * high)
                || (step == stepMax && f <= valueTest && g <= slopeTest)
                || (step == stepMin && (f > valueTest || g >= slopeTest));
            if (stuck)
            {
                return (double.NaN, f);
            }

            var trial = new Point(step, f, g);
            if (stage == 1 && f <= best.Value && f > valueTest)
            {
                // While the decrease is still insufficient, interpolate the function shifted by the
                // sufficient-decrease line, whose minimiser is easier to bracket.
                var shifted = Step(best.Shift(slopeTest), other.Shift(slopeTest), trial.Shift(slopeTest), ref bracketed, low, high);
                best = shifted.Best.Unshift(slopeTest);
                other = shifted.Other.Unshift(slopeTest);
                step = shifted.Step;
            }
            else
            {
                (best, other, step) = Step(best, other, trial, ref bracketed, low, high);
            }

            if (bracketed)
            {
                if (Math.Abs(other.Step - best.Step) >= Bisect * width1)
                {
                    step = best.Step + (0.5 * (other.Step - best.Step));
                }

                width1 = width;
                width = Math.Abs(other.Step - best.Step);
                low = Math.Min(best.Step, other.Step);
                high = Math.Max(best.Step, other.Step);
            }
            else
            {
                low = step + (ExtrapolateLow * (step - best.Step));
                high = step + (ExtrapolateHigh * (step - best.Step));
            }

            step = Clip(step, stepMin, stepMax);
            if ((bracketed && (step <= low || step >= high)) || (bracketed && high - low <= relativeWidth * high))
            {
                step = best.Step;
            }
        }

        return (double.NaN, value0);
    }

    /// <summary>Clamps like NumPy's <c>clip</c>: NaN stays NaN.</summary>
    internal static double Clip(double x, double low, double high) => x < low ? low : x > high ? high : x;

    /// <summary>A step with the function value and slope there.</summary>
    private readonly record struct Point(double Step, double Value, double Slope)
    {
        public Point Shift(double slopeTest) => new(Step, Value - (Step * slopeTest), Slope - slopeTest);

        public Point Unshift(double slopeTest) => new(Step, Value + (Step * slopeTest), Slope + slopeTest);
    }
}
