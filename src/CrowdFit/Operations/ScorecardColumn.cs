namespace CrowdFit.Operations;

/// <summary>The context column whose values group the answers of an operations scorecard.</summary>
public enum ScorecardColumn
{
    /// <summary>The project of each answer (<see cref="Answers.AnswerContext.Project"/>).</summary>
    Project,

    /// <summary>The country each answer came from (<see cref="Answers.AnswerContext.Country"/>).</summary>
    Country,

    /// <summary>The vendor each answer came through (<see cref="Answers.AnswerContext.Vendor"/>): the vendor scorecard.</summary>
    Vendor,
}
