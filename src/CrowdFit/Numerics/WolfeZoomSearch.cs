namespace CrowdFit.Numerics;

/// <summary>
/// The bracketing-and-zoom line search for the strong Wolfe conditions (Nocedal and Wright, Numerical
/// Optimization, algorithms 3.5 and 3.6), used as the fallback when <see cref="MoreThuenteSearch"/> fails.
/// </summary>
/// <remarks>
/// Follows SciPy's <c>scalar_search_wolfe2</c> decision for decision: doubling steps until the minimum is
/// bracketed, then cubic, quadratic or bisection trial steps with the same safeguards.
/// </remarks>
internal static partial class WolfeZoomSearch
{
    private const int MaxZoom = 10;
    private const double CubicMargin = 0.2;
    private const double QuadraticMargin = 0.1;

    /// <summary>Searches for a step meeting the strong Wolfe conditions and <paramref name="accept"/>.</summary>
    /// <param name="probe">Value and slope along the line.</param>
    /// <param name="value0">Value at step 0.</param>
    /// <param name="slope0">Slope at step 0.</param>
    /// <param name="step">First trial step.</param>
    /// <param name="decrease">Sufficient-decrease constant (c1).</param>
    /// <param name="curvature">Curvature constant (c2).</param>
    /// <param name="stepMax">Largest step allowed.</param>
    /// <param name="accept">Extra test on a step that meets the Wolfe conditions.</param>
    /// <param name="maxIterations">Most bracketing iterations.</param>
    /// <returns>The step and its value; a NaN step when the search fails.</returns>
    public static (double Step, double Value) Search(
        LineProbe probe, double value0, double slope0, double step, double decrease, double curvature,
        double stepMax, Func<double, bool> accept, int maxIterations)
    {
        var previous = 0.0;
        var current = Math.Min(step, stepMax);
        var valueCurrent = probe(current).Value;
        var valuePrevious = value0;
        var slopePrevious = slope0;
        for (var i = 0; i < maxIterations; i++)
        {
            if (current == 0 || previous > stepMax)
            {
                return (double.NaN, value0);
            }

            if (valueCurrent > value0 + (decrease * current * slope0) || (valueCurrent >= valuePrevious && i > 0))
            {
                return Zoom(probe, new(previous, valuePrevious, slopePrevious), new(current, valueCurrent, 0), value0, slope0, decrease, curvature, accept);
            }

            var slopeCurrent = probe(current).Slope;
            if (Math.Abs(slopeCurrent) <= -curvature * slope0 && accept(current))
            {
                return (current, valueCurrent);
            }

            if (slopeCurrent >= 0)
            {
                return Zoom(probe, new(current, valueCurrent, slopeCurrent), new(previous, valuePrevious, 0), value0, slope0, decrease, curvature, accept);
            }

            previous = current;
            current = Math.Min(2 * current, stepMax);
            valuePrevious = valueCurrent;
            valueCurrent = probe(current).Value;
            slopePrevious = slopeCurrent;
        }

        // Out of iterations: SciPy still hands back the last step.
        return (current, valueCurrent);
    }

    private readonly record struct Point(double Step, double Value, double Slope);
}
