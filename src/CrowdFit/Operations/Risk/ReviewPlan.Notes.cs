using System.Globalization;
using CrowdFit.Answers;

namespace CrowdFit.Operations;

public static partial class ReviewPlan
{
    /// <summary>The sentences an operator should read before trusting the plan.</summary>
    private static string[] Notes(TaskTypeRisk[] types, RiskClassSummary[] classes, string[] unused, GoldLabels? gold)
    {
        var notes = new List<string>();
        if (unused.Length > 0)
        {
            notes.Add($"the policy names task types no task has: {string.Join(", ", unused)}");
        }

        foreach (var type in types)
        {
            if (type.Source == RiskClassSource.Operator && type.DataSuggestsRaise && type.Class < RiskClass.Medium)
            {
                notes.Add($"{type.Name}: {type.Reason}");
            }
        }

        foreach (var summary in classes)
        {
            if (summary.Method == ReviewMethod.SpotCheck && summary.Tasks > 0 && summary.GoldTasks == 0)
            {
                notes.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{RiskPolicy.Name(summary.Class)}: none of the {summary.Tasks:N0} tasks is gold{(gold is null ? " (no gold given)" : "")}, so the spot check has no gold sampling; hide gold tasks among them"));
            }
        }

        return [.. notes];
    }
}
