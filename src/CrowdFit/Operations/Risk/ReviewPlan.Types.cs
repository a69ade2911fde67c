using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Operations;

public static partial class ReviewPlan
{
    /// <summary>Counts per task type: tasks, answers, agreeing answers among tasks with two or more, low-confidence tasks.</summary>
    private struct TypeTally
    {
        public int Tasks;
        public int Answers;
        public int PairedAnswers;
        public int PairedAgreeing;
        public int LowConfidence;
    }

    private static TypeTally[] Measure(AnswerSet answers, TruthResult truth, int[] typeOf, string[] names, RiskOptions options)
    {
        var tallies = new TypeTally[names.Length];
        var labels = answers.AnswerLabels;
        var starts = answers.TaskStarts;
        for (var t = 0; t < typeOf.Length; t++)
        {
            if (typeOf[t] < 0)
            {
                continue;
            }

            ref var tally = ref tallies[typeOf[t]];
            var (start, end) = (starts[t], starts[t + 1]);
            tally.Tasks++;
            tally.Answers += end - start;
            tally.LowConfidence += truth.Confidence(t) < options.EdgeConfidence ? 1 : 0;
            if (end - start < 2)
            {
                continue;
            }

            var inferred = truth.Label(t);
            tally.PairedAnswers += end - start;
            for (var a = start; a < end; a++)
            {
                tally.PairedAgreeing += labels[a] == inferred ? 1 : 0;
            }
        }

        return tallies;
    }

    /// <summary>The class of every type with tasks, in type order; the operator's class first, then the default raised by the data.</summary>
    private static TaskTypeRisk[] Classify(TypeTally[] tallies, string[] names, bool byType, RiskPolicy policy, RiskOptions options)
    {
        var types = new List<TaskTypeRisk>(names.Length);
        for (var i = 0; i < names.Length; i++)
        {
            var tally = tallies[i];
            if (tally.Tasks == 0)
            {
                continue;
            }

            var name = names[i];
            var agreement = tally.PairedAnswers == 0 ? double.NaN : (double)tally.PairedAgreeing / tally.PairedAnswers;
            var lowShare = (double)tally.LowConfidence / tally.Tasks;
            var measured = Measured(tally, agreement, lowShare, options);
            var triggers = Triggers(agreement, lowShare, options);
            var enough = tally.Tasks >= options.MinTasksToInfer;
            var suggests = enough && triggers.Length > 0;

            // The special groups are not type names the operator could have meant.
            var named = byType && name != NoTypeName ? policy.ClassOf(name) : null;
            RiskClass risk;
            RiskClassSource source;
            string reason;
            if (named is { } given)
            {
                (risk, source) = (given, RiskClassSource.Operator);
                reason = $"set {RiskPolicy.Name(given)} by the operator; {measured}"
                    + (given < RiskClass.Medium && suggests ? $"; the data alone would raise it to medium ({triggers})" : "");
            }
            else if (policy.Default < RiskClass.Medium && suggests)
            {
                (risk, source) = (RiskClass.Medium, RiskClassSource.Inferred);
                reason = $"raised from {RiskPolicy.Name(policy.Default)} to medium: {triggers}; {measured}";
            }
            else
            {
                (risk, source) = (policy.Default, RiskClassSource.Default);
                reason = $"default {RiskPolicy.Name(policy.Default)}; {measured}"
                    + (enough || policy.Default >= RiskClass.Medium ? "" : Invariant($"; too few tasks to infer a class ({tally.Tasks} < {options.MinTasksToInfer})"));
            }

            types.Add(new TaskTypeRisk
            {
                Name = name,
                Tasks = tally.Tasks,
                Answers = tally.Answers,
                Agreement = agreement,
                LowConfidenceShare = lowShare,
                OperatorClass = named,
                Class = risk,
                Source = source,
                DataSuggestsRaise = suggests,
                Reason = reason,
            });
        }

        return [.. types];
    }

    private static string Measured(TypeTally tally, double agreement, double lowShare, RiskOptions options)
    {
        var agreed = double.IsNaN(agreement)
            ? "agreement not measured (no task has two answers)"
            : Invariant($"agreement {agreement:P1}");
        return Invariant($"{agreed}, {lowShare:P1} of {tally.Tasks:N0} tasks under confidence {options.EdgeConfidence:F2}");
    }

    /// <summary>The thresholds the numbers cross, joined; empty when none.</summary>
    private static string Triggers(double agreement, double lowShare, RiskOptions options)
    {
        var agreementLow = agreement < options.RaiseBelowAgreement;
        var confidenceLow = lowShare > options.RaiseAboveLowConfidenceShare;
        var parts = new List<string>(2);
        if (agreementLow)
        {
            parts.Add(Invariant($"agreement {agreement:P1} < {options.RaiseBelowAgreement:P1}"));
        }

        if (confidenceLow)
        {
            parts.Add(Invariant($"{lowShare:P1} of tasks under confidence {options.EdgeConfidence:F2} > {options.RaiseAboveLowConfidenceShare:P1}"));
        }

        return string.Join(" and ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
