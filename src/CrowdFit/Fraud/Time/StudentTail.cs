using System.Collections.Concurrent;
using CrowdFit.Fraud.Behaviour;

namespace CrowdFit.Fraud.Time;

/// <summary>
/// P(T ≥ t) for Student's t with fixed degrees of freedom, read from a table of ln P(T ≥ t) at steps of 1/64
/// and interpolated linearly, so a million answers do not each pay for an incomplete beta function.
/// </summary>
/// <remarks>
/// The log tail is smooth and nearly linear in t between grid points, so the interpolation error is about 1e-5
/// relative. Outside [<see cref="Low"/>, <see cref="High"/>] the exact <see cref="Tails.StudentUpper"/> is used.
/// NaN gives 1.
/// </remarks>
internal sealed class StudentTail
{
    private const double Low = -16;
    private const double High = 48;
    private const int StepsPerUnit = 64;

    private static readonly ConcurrentDictionary<double, StudentTail> s_tables = new();

    private readonly double _degrees;
    private readonly double[] _logTail;

    private StudentTail(double degrees)
    {
        _degrees = degrees;
        _logTail = new double[((int)(High - Low) * StepsPerUnit) + 1];
        for (var i = 0; i < _logTail.Length; i++)
        {
            _logTail[i] = Math.Log(Tails.StudentUpper(Low + ((double)i / StepsPerUnit), degrees));
        }
    }

    /// <summary>The table for <paramref name="degrees"/> degrees of freedom (positive), made once and shared.</summary>
    public static StudentTail For(double degrees) => s_tables.GetOrAdd(degrees, d => new StudentTail(d));

    /// <summary>P(T ≥ <paramref name="t"/>); NaN gives 1.</summary>
    public double Upper(double t)
    {
        if (double.IsNaN(t))
        {
            return 1;
        }

        var position = (t - Low) * StepsPerUnit;
        if (position < 0 || position >= _logTail.Length - 1)
        {
            return Tails.StudentUpper(t, _degrees);
        }

        var i = (int)position;
        var f = position - i;
        return Math.Exp(_logTail[i] + (f * (_logTail[i + 1] - _logTail[i])));
    }
}
