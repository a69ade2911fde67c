namespace CrowdFit.Formats.Interchange;

/// <summary>A task's known true label found in a platform export (Toloka <c>GOLDEN:</c>, Label Studio <c>ground_truth</c>).</summary>
/// <param name="Task">The task id, as in the answers read from the same export.</param>
/// <param name="Label">The true label.</param>
/// <param name="Line">The 1-based line of the export where the label was first found.</param>
public sealed record GoldLabel(string Task, string Label, int Line);
