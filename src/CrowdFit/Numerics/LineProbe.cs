namespace CrowdFit.Numerics;

/// <summary>
/// The objective restricted to a search line: its value and its derivative along the direction at
/// <paramref name="step"/> (the point <c>x + step · d</c>).
/// </summary>
internal delegate (double Value, double Slope) LineProbe(double step);
