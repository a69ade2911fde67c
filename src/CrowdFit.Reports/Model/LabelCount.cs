namespace CrowdFit.Reports;

/// <summary>How often one label was given, and how often it is the inferred truth.</summary>
/// <param name="Label">The label.</param>
/// <param name="Answers">Answers that give it.</param>
/// <param name="AnswerShare">Share of all answers, in [0, 1]; <see langword="null"/> when the log is empty.</param>
/// <param name="Tasks">Tasks whose inferred label it is.</param>
/// <param name="TaskShare">Share of all tasks, in [0, 1]; <see langword="null"/> when there are no tasks.</param>
public sealed record LabelCount(string Label, int Answers, double? AnswerShare, int Tasks, double? TaskShare);
