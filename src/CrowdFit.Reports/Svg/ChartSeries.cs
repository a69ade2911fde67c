namespace CrowdFit.Reports;

/// <summary>One named series of values for a bar chart, one value per category.</summary>
/// <param name="Name">Name shown in the legend.</param>
/// <param name="Values">One value per category, in category order.</param>
/// <param name="Color">Fill colour as <c>#rrggbb</c>; <see langword="null"/> for the next colour of the palette.</param>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string? Color = null);
