namespace CrowdFit.Numerics;

/// <summary>The zoom stage: shrinks a bracket until a step meets the strong Wolfe conditions.</summary>
internal static partial class WolfeZoomSearch
{
    private static (double Step, double Value) Zoom(
        LineProbe probe, Point lo, Point hi, double value0, double slope0, double decrease, double curvature, Func<double, bool> accept)
    {
        // The slope stored in hi is never read: only lo's slope enters the interpolants.
        var recentStep = 0.0;
        var recentValue = value0;
        for (var i = 0; ; i++)
        {
            var span = hi.Step - lo.Step;
            var (a, b) = span < 0 ? (hi.Step, lo.Step) : (lo.Step, hi.Step);
            double? trial = null;
            var cubicCheck = CubicMargin * span;
            if (i > 0)
            {
                trial = CubicMinimiser(lo.Step, lo.Value, lo.Slope, hi.Step, hi.Value, recentStep, recentValue);
            }

            if (i == 0 || trial is null || trial > b - cubicCheck || trial < a + cubicCheck)
            {
                var quadraticCheck = QuadraticMargin * span;
                trial = QuadraticMinimiser(lo.Step, lo.Value, lo.Slope, hi.Step, hi.Value);
                if (trial is null || trial > b - quadraticCheck || trial < a + quadraticCheck)
                {
                    trial = lo.Step + (0.5 * span);
                }
            }

            var step = trial.Value;
            var value = probe(step).Value;
            if (value > value0 + (decrease * step * slope0) || value >= lo.Value)
            {
                (recentStep, recentValue) = (hi.Step, hi.Value);
                hi = new Point(step, value, 0);
            }
            else
            {
                var slope = probe(step).Slope;
                if (Math.Abs(slope) <= -curvature * slope0 && accept(step))
                {
                    return (step, value);
                }

                if (slope * (hi.Step - lo.Step) >= 0)
                {
                    (recentStep, recentValue) = (hi.Step, hi.Value);
                    hi = lo;
                }
                else
                {
                    (recentStep, recentValue) = (lo.Step, lo.Value);
                }

                lo = new Point(step, value, slope);
            }

            if (i + 1 > MaxZoom)
            {
                return (double.NaN, double.NaN);
            }
        }
    }

    /// <summary>Minimiser of the cubic through (a, fa) with slope fpa, (b, fb) and (c, fc); null when there is none.</summary>
    private static double? CubicMinimiser(double a, double fa, double fpa, double b, double fb, double c, double fc)
    {
        var db = b - a;
        var dc = c - a;
        var denom = (db * dc) * (db * dc) * (db - dc);
        if (denom == 0)
        {
            return null;
        }

        var rb = fb - fa - (fpa * db);
        var rc = fc - fa - (fpa * dc);
        var cubic = ((dc * dc * rb) + (-(db * db) * rc)) / denom;
        var square = ((-(dc * dc * dc) * rb) + (db * db * db * rc)) / denom;
        var radical = (square * square) - (3 * cubic * fpa);
        var x = a + ((-square + Math.Sqrt(radical)) / (3 * cubic));
        return radical < 0 || cubic == 0 || !double.IsFinite(x) ? null : x;
    }

    /// <summary>Minimiser of the quadratic through (a, fa) with slope fpa and (b, fb); null when there is none.</summary>
    private static double? QuadraticMinimiser(double a, double fa, double fpa, double b, double fb)
    {
        var db = b - a;
        if (db == 0)
        {
            return null;
        }

        var curvature = (fb - fa - (fpa * db)) / (db * db);
        var x = a - (fpa / (2.0 * curvature));
        return curvature == 0 || !double.IsFinite(x) ? null : x;
    }
}
