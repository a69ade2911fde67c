namespace CrowdFit.Formats.Interchange;

/// <summary>Rows of an export that hold no answer and were left out, counted by reason.</summary>
/// <param name="Reason">Why they hold no answer, such as <c>empty OUTPUT:result (skipped or expired assignment)</c>.</param>
/// <param name="Count">How many rows, at least 1.</param>
/// <param name="FirstLine">The 1-based line of the first such row.</param>
public sealed record SkippedRows(string Reason, int Count, int FirstLine);
