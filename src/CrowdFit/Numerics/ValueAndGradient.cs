namespace CrowdFit.Numerics;

/// <summary>An objective and its gradient: returns f(x) and writes ∇f(x) into <paramref name="gradient"/>.</summary>
internal delegate double ValueAndGradient(ReadOnlySpan<double> x, Span<double> gradient);
