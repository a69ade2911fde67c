namespace CrowdFit.Numerics;

/// <summary>The safeguarded trial-step rule of the Moré–Thuente search (MINPACK-2 <c>dcstep</c>).</summary>
internal static partial class MoreThuenteSearch
{
    /// <summary>
    /// Chooses the next trial step from the best point, the other end of the interval and the latest trial,
    /// and updates the interval of uncertainty.
    /// </summary>
    private static (Point Best, Point Other, double Step) Step(Point best, Point other, Point trial, ref bool bracketed, double low, double high)
    {
        var (stx, fx, dx) = best;
        var (sty, fy, dy) = other;
        var (stp, fp, dp) = trial;
        var sameSign = Sign(dp) * Sign(dx);
        double next;
        if (fp > fx)
        {
            // A higher value: the minimum is bracketed. Prefer the cubic step when it is nearer stx.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dx / s) * (dp / s)));
            gamma = stp < stx ? -gamma : gamma;
            var r = ((gamma - dx) + theta) / (((gamma - dx) + gamma) + dp);
            var cubic = stx + (r * (stp - stx));
            var quadratic = stx + (dx / (((fx - fp) / (stp - stx)) + dx) / 2 * (stp - stx));
            next = Math.Abs(cubic - stx) <= Math.Abs(quadratic - stx) ? cubic : cubic + ((quadratic - cubic) / 2);
            bracketed = true;
        }
        else if (sameSign < 0)
        {
            // A lower value and slopes of opposite sign: bracketed. Prefer the step farther from stp.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dx / s) * (dp / s)));
            gamma = stp > stx ? -gamma : gamma;
            var r = ((gamma - dp) + theta) / (((gamma - dp) + gamma) + dx);
            var cubic = stp + (r * (stx - stp));
            var secant = stp + (dp / (dp - dx) * (stx - stp));
            next = Math.Abs(cubic - stp) > Math.Abs(secant - stp) ? cubic : secant;
            bracketed = true;
        }
        else if (Math.Abs(dp) < Math.Abs(dx))
        {
            // A lower value, same-sign slopes, shrinking slope: the cubic is used only when it tends to
            // infinity in the direction of the step or its minimum lies beyond stp.
            var theta = (3 * (fx - fp) / (stp - stx)) + dx + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            var gamma = s * Math.Sqrt(PyMax(0, ((theta / s) * (theta / s)) - ((dx / s) * (dp / s))));
            gamma = stp > stx ? -gamma : gamma;
            var r = ((gamma - dp) + theta) / ((gamma + (dx - dp)) + gamma);
            var cubic = r < 0 && gamma != 0 ? stp + (r * (stx - stp)) : stp > stx ? high : low;
            var secant = stp + (dp / (dp - dx) * (stx - stp));
            if (bracketed)
            {
                next = Math.Abs(cubic - stp) < Math.Abs(secant - stp) ? cubic : secant;
                var limit = stp + (0.66 * (sty - stp));
                next = stp > stx ? PyMin(limit, next) : PyMax(limit, next);
            }
            else
            {
                next = Math.Abs(cubic - stp) > Math.Abs(secant - stp) ? cubic : secant;
                next = Clip(next, low, high);
            }
        }
        else if (bracketed)
        {
            // A lower value, same-sign slopes that do not shrink: the cubic through stp and sty.
            var theta = (3 * (fp - fy) / (sty - stp)) + dy + dp;
            var s = Max3(Math.Abs(theta), Math.Abs(dy), Math.Abs(dp));
            var gamma = s * Math.Sqrt(((theta / s) * (theta / s)) - ((dy / s) * (dp / s)));
            gamma = stp > sty ? -gamma : gamma;
            var r = ((gamma - dp) + theta) / (((gamma - dp) + gamma) + dy);
            next = stp + (r * (sty - stp));
        }
        else
        {
            next = stp > stx ? high : low;
        }

        if (fp > fx)
        {
            other = trial;
        }
        else
        {
            if (sameSign < 0)
            {
                other = best;
            }

            best = trial;
        }

        return (best, other, next);
    }

    private static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : x == 0 ? 0 : double.NaN;

    // Python's max and min keep the earlier argument unless a later one compares strictly greater
    // (smaller); NaN handling therefore differs from Math.Max, and the reference decisions rely on it.
    private static double PyMax(double a, double b) => b > a ? b : a;

    private static double PyMin(double a, double b) => b < a ? b : a;

    private static double Max3(double a, double b, double c) => PyMax(PyMax(a, b), c);
}
