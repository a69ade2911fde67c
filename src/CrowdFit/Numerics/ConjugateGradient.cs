namespace CrowdFit.Numerics;

/// <summary>
/// Nonlinear conjugate-gradient minimisation with the Polak–Ribière+ update and strong-Wolfe line searches.
/// </summary>
/// <remarks>
/// Polak, E. and Ribière, G. (1969); the non-negative β and the sufficient-descent test are from Gilbert,
/// J. C. and Nocedal, J. (1992), "Global convergence properties of conjugate gradient methods for
/// optimization", SIAM J. Optimization 2(1). The step rules (first trial step, Moré–Thuente search with
/// the zoom search as fallback, c1 = 1e-4, c2 = 0.4) are those of SciPy's <c>minimize(method='CG')</c>, so
/// a method defined by that optimiser reproduces its iterates.
/// </remarks>
internal sealed class ConjugateGradient
{
    private const double Decrease = 1e-4;
    private const double Curvature = 0.4;
    private const double DescentFactor = 0.01;
    private const double RelativeWidth = 1e-14;
    private const double StepMin = 1e-100;
    private const double StepMax = 1e100;
    private const int MoreThuenteProbes = 100;
    private const int ZoomIterations = 10;

    private readonly ValueAndGradient _objective;
    private readonly double[] _x;
    private readonly double[] _gradient;
    private readonly double[] _direction;
    private readonly double[] _trial;
    private readonly double[] _trialGradient;
    private double _trialStep = double.NaN;
    private double _trialValue;

    /// <summary>Creates an optimiser for functions of <paramref name="dimension"/> variables.</summary>
    public ConjugateGradient(ValueAndGradient objective, int dimension)
    {
        _objective = objective;
        _x = new double[dimension];
        _gradient = new double[dimension];
        _direction = new double[dimension];
        _trial = new double[dimension];
        _trialGradient = new double[dimension];
    }

    /// <summary>
    /// Minimises from <paramref name="x"/> in place until the largest gradient component is at most
    /// <paramref name="gradientTolerance"/>, <paramref name="maxIterations"/> iterations have run, or a line
    /// search fails (then <paramref name="x"/> keeps the last accepted point).
    /// </summary>
    /// <returns>The number of iterations run.</returns>
    public int Minimise(Span<double> x, double gradientTolerance, int maxIterations)
    {
        x.CopyTo(_x);
        var value = _objective(_x, _gradient);
        var previousValue = value + (Norm2(_gradient) / 2);
        for (var i = 0; i < _gradient.Length; i++)
        {
            _direction[i] = -_gradient[i];
        }

        var gradientNorm = NormMax(_gradient);
        var iterations = 0;
        while (gradientNorm > gradientTolerance && iterations < maxIterations)
        {
            var (step, next) = LineSearch(value, previousValue, gradientTolerance);
            if (double.IsNaN(step))
            {
                break;
            }

            Probe(step);
            var betaPr = PolakRibiere();
            for (var i = 0; i < _x.Length; i++)
            {
                _x[i] = _trial[i];
                _direction[i] = -_trialGradient[i] + (betaPr * _direction[i]);
            }

            _trialGradient.CopyTo(_gradient, 0);
            gradientNorm = NormMax(_gradient);
            previousValue = value;
            value = next;
            iterations++;
        }

        _x.CopyTo(x);
        return iterations;
    }

    private (double Step, double Value) LineSearch(double value, double previousValue, double gradientTolerance)
    {
        _trialStep = double.NaN;
        var slope0 = Dot(_gradient, _direction);
        var guess = 1.01 * 2 * (value - previousValue) / slope0;
        var first = slope0 != 0 && guess < 1.0 ? guess : 1.0;
        first = first < 0 ? 1.0 : first;
        bool Descends(double s) => SufficientDescent(s, gradientTolerance);

        var (step, found) = MoreThuenteSearch.Search(Probe, value, slope0, first, Decrease, Curvature, RelativeWidth, StepMin, StepMax, MoreThuenteProbes);
        if (!double.IsNaN(step) && Descends(step))
        {
            return (step, found);
        }

        return WolfeZoomSearch.Search(Probe, value, slope0, first, Decrease, Curvature, StepMax, Descends, ZoomIterations);
    }

    /// <summary>Evaluates the objective at <c>x + step · direction</c> into the trial buffers, once per step.</summary>
    private (double Value, double Slope) Probe(double step)
    {
        if (step != _trialStep)
        {
            for (var i = 0; i < _x.Length; i++)
            {
                _trial[i] = _x[i] + (step * _direction[i]);
            }

            _trialValue = _objective(_trial, _trialGradient);
            _trialStep = step;
        }

        return (_trialValue, Dot(_trialGradient, _direction));
    }

    /// <summary>The Polak–Ribière+ direction from the step must itself descend enough (Gilbert and Nocedal).</summary>
    private bool SufficientDescent(double step, double gradientTolerance)
    {
        Probe(step);
        if (NormMax(_trialGradient) <= gradientTolerance)
        {
            return true;
        }

        var betaPr = PolakRibiere();
        var nextDot = 0.0;
        for (var i = 0; i < _x.Length; i++)
        {
            nextDot += (-_trialGradient[i] + (betaPr * _direction[i])) * _trialGradient[i];
        }

        return nextDot <= -DescentFactor * Dot(_trialGradient, _trialGradient);
    }

    /// <summary>β = max(0, (g₁ − g₀)·g₁ / g₀·g₀) from the current gradient g₀ and the trial gradient g₁.</summary>
    private double PolakRibiere()
    {
        var change = 0.0;
        for (var i = 0; i < _x.Length; i++)
        {
            change += (_trialGradient[i] - _gradient[i]) * _trialGradient[i];
        }

        // Written so that a NaN ratio gives 0, as Python's max(0, ratio) does.
        var ratio = change / Dot(_gradient, _gradient);
        return ratio > 0 ? ratio : 0;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm2(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    private static double NormMax(ReadOnlySpan<double> a)
    {
        var max = 0.0;
        foreach (var v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        return max;
    }
}
