namespace CrowdFit.Numerics;

/// <summary>
/// The objective restricted to a search line: its value and its derivative along the direction at
/// <paramref name="step"/> (the point <c>x + step · d</c>).
/// </summary>
internal delegate (double Value, double Slope) LineProbe(double step);

/// <summary>An objective and its gradient: returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
internal delegate double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);
