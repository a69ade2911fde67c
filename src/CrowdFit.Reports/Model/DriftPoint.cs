namespace CrowdFit.Reports;

/// <summary>One time window of the drift chart.</summary>
/// <param name="Name">The window for people (its day, or its start and end).</param>
/// <param name="Start">Start of the window (UTC).</param>
/// <param name="Answers">Answers submitted in it.</param>
/// <param name="Agreement">Share agreeing with the inferred label, in [0, 1]; <see langword="null"/> without answers.</param>
/// <param name="KrippendorffAlpha">Krippendorff's alpha over the window alone; <see langword="null"/> when undefined.</param>
/// <param name="Shares">Share of each label of <see cref="DriftSection.Labels"/>, in that order; <see langword="null"/> entries without answers.</param>
/// <param name="Alert">Whether the window raised an alert.</param>
public sealed record DriftPoint(string Name, DateTimeOffset Start, int Answers, double? Agreement, double? KrippendorffAlpha, IReadOnlyList<double?> Shares, bool Alert);
