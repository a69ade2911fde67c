namespace CrowdFit.Service.Findings;

/// <summary>The answers received in one time window.</summary>
/// <param name="Name">The window for people: its day, day range, or start and end to the minute.</param>
/// <param name="Start">Start of the window (ISO 8601, UTC), included.</param>
/// <param name="End">End of the window (ISO 8601, UTC), excluded.</param>
/// <param name="Answers">Answers received in the window.</param>
/// <param name="LabelCounts">Answers per label.</param>
/// <param name="Agreement">Share of the window's answers equal to their task's current label.</param>
/// <param name="KrippendorffAlpha">Krippendorff's nominal alpha over the window's answers; null when no task has two answers in it or all carry one label.</param>
/// <param name="LabelPValue">Corrected p-value of the window's label distribution against the windows before; null for the first window.</param>
/// <param name="AgreementPValue">Corrected p-value of its agreement against the windows before; null for the first window.</param>
/// <param name="Alert">Whether the window raised an alert.</param>
public sealed record DriftWindowDto(
    string Name, string Start, string End, int Answers, IReadOnlyDictionary<string, int> LabelCounts, double Agreement,
    double? KrippendorffAlpha, double? LabelPValue, double? AgreementPValue, bool Alert);
