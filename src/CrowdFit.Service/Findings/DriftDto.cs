namespace CrowdFit.Service.Findings;

/// <summary>A project's label distribution and agreement by time window, with the windows that drifted (SPEC G3).</summary>
/// <param name="Project">Project id.</param>
/// <param name="ModelVersion">The model whose current labels the agreement is measured against.</param>
/// <param name="Window"><c>day</c> or <c>hour</c>: the length of a window before small ones are merged.</param>
/// <param name="MinAnswers">Fewest answers a window holds; smaller ones are merged with the windows after them.</param>
/// <param name="Answers">Answers received (rejected ones included).</param>
/// <param name="Enough">Whether there is enough history to compare: at least two windows.</param>
/// <param name="Note">Why there is not enough history; null when there is.</param>
/// <param name="Windows">The windows in time order; empty when there are no answers.</param>
/// <param name="Alerts">The alerts, by window, label distribution before agreement.</param>
/// <param name="LabelDesignEffect">The factor the label tests were corrected by because a task's answers share its label (at least 1).</param>
/// <param name="AgreementDesignEffect">The same factor for agreement (at least 1).</param>
public sealed record DriftDto(
    string Project, int ModelVersion, string Window, int MinAnswers, int Answers, bool Enough, string? Note,
    IReadOnlyList<DriftWindowDto> Windows, IReadOnlyList<DriftAlertDto> Alerts, double LabelDesignEffect, double AgreementDesignEffect);
