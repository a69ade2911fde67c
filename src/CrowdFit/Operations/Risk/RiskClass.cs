namespace CrowdFit.Operations;

/// <summary>How much harm a wrong label of a task type can do; the class sets the review method (SPEC G4).</summary>
/// <remarks>
/// The classes follow the ethics guide's table: basic image tagging is low risk, subjective judgements such as
/// text moderation are medium, medical or health-adjacent labeling and the capture of people are high. The values
/// are ordered, so a class can be compared with another to say which is stricter.
/// </remarks>
public enum RiskClass
{
    /// <summary>A wrong label is cheap to find and fix: gold sampling plus a spot review of a share of the tasks.</summary>
    Low = 0,

    /// <summary>Judgements are subjective or ambiguous: a second review of the edge cases plus a smaller spot share.</summary>
    Medium = 1,

    /// <summary>A wrong label can harm people: expert review of every task, with an audit trail.</summary>
    High = 2,
}
