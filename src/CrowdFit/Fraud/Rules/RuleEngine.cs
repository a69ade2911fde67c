using CrowdFit.Answers;

namespace CrowdFit.Fraud.Rules;

/// <summary>
/// The rule engine (SPEC D6): applies an operator's hard business rules (<see cref="FraudRules"/>) to a log.
/// </summary>
/// <remarks>
/// <para>
/// Hard rules are operator decisions, not statistics, so the p-values are 0 or 1: an answer that breaks any
/// rule gets p = 0, every other answer p = 1. A worker gets p = 0 when it broke a rule whose action is
/// <see cref="FraudRuleAction.Suspend"/>, or when at least <see cref="FraudRules.WorkerShare"/> of its
/// answers broke <see cref="FraudRuleAction.Flag"/> rules; otherwise p = 1 (its reason still lists the
/// rules it broke). A p-value of 0 is below every threshold, so the rules always win over the statistics.
/// </para>
/// <para>
/// Every rule is one pass over the answers, or over each worker's timeline for <c>max-rate</c> (two
/// pointers over the submit times), so the whole evaluation is O(answers · rules). A rule that needs a
/// column the log does not have, or names a task type the log does not have, is left out and named in the
/// workers' reasons (see <see cref="UncheckedRules"/>); when no rule can be checked the report is skipped.
/// </para>
/// </remarks>
public sealed partial class RuleEngine : IFraudDetector
{
    private readonly FraudRules _rules;

    /// <summary>Creates the engine.</summary>
    /// <param name="rules">The rules, as read by <see cref="FraudRules.Parse(string)"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is null.</exception>
    public RuleEngine(FraudRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = rules;
    }

    /// <inheritdoc />
    public string Name => "rules";

    /// <inheritdoc />
    public bool ReadsTruth => false;

    /// <summary>The rules applied.</summary>
    public FraudRules Rules => _rules;

    /// <summary>The rules that cannot be checked on a log, each with why (for example "rule 'geo' needs country and payment_country").</summary>
    /// <param name="log">The log.</param>
    /// <returns>One note per rule left out, in file order; empty when every rule can be checked.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    public IReadOnlyList<string> UncheckedRules(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        List<string> notes = [];
        foreach (var rule in _rules.Rules)
        {
            if (Unmet(rule, log, out _) is { } why)
            {
                notes.Add($"rule '{rule.Name}' {why}");
            }
        }

        return notes;
    }

    /// <inheritdoc />
    public DetectorReport Run(WorkLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var answers = log.Answers;
        var notes = UncheckedRules(log);
        if (notes.Count == _rules.Rules.Count)
        {
            return DetectorReport.Skipped(Name, answers.WorkerCount, answers.Count, "no rule can be checked: " + string.Join("; ", notes));
        }

        var hits = new RuleHits(log, _rules);
        for (var r = 0; r < _rules.Rules.Count; r++)
        {
            var rule = _rules.Rules[r];
            if (Unmet(rule, log, out var type) is not null)
            {
                continue;
            }

            var tally = hits.Begin(r);
            switch (rule.Kind)
            {
                case FraudRuleKind.MaxRate:
                    CheckRate(log, rule, r, type, hits, tally);
                    break;
                case FraudRuleKind.MinSeconds:
                case FraudRuleKind.MaxSeconds:
                    CheckDurations(log, rule, r, type, hits, tally);
                    break;
                case FraudRuleKind.MaxFailedGold:
                    CheckGold(log, rule, r, type, hits, tally);
                    break;
                default:
                    CheckCountries(log, rule, r, type, hits, tally);
                    break;
            }
        }

        return Report(log, hits, notes);
    }

    /// <summary>Why <paramref name="rule"/> cannot be checked on <paramref name="log"/>, or <see langword="null"/> when it can.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="log">The log.</param>
    /// <param name="taskType">The code of the rule's task type, or -1 when the rule applies to every answer.</param>
    private static string? Unmet(FraudRule rule, WorkLog log, out int taskType)
    {
        taskType = -1;
        var context = log.Context;
        List<string> missing = [];
        if (rule.Kind is FraudRuleKind.MinSeconds or FraudRuleKind.MaxSeconds && !log.HasStartTimes)
        {
            missing.Add("started_at");
        }

        if (rule.Kind is FraudRuleKind.MaxRate or FraudRuleKind.MinSeconds or FraudRuleKind.MaxSeconds && !log.HasSubmitTimes)
        {
            missing.Add("submitted_at");
        }

        if (rule.Kind == FraudRuleKind.MaxFailedGold && log.Gold.Count == 0)
        {
            missing.Add("gold labels");
        }

        if (rule.Kind == FraudRuleKind.CountryMismatch && context?.HasCountry != true)
        {
            missing.Add("country");
        }

        if (rule.Kind == FraudRuleKind.CountryMismatch && context?.HasPaymentCountry != true)
        {
            missing.Add("payment_country");
        }

        if (rule.TaskType is not null && context?.TaskType is null)
        {
            missing.Add("task_type");
        }
        else if (rule.TaskType is not null)
        {
            taskType = IndexOf(context!.TaskType!.Values, rule.TaskType);
            if (taskType < 0 && missing.Count == 0)
            {
                return $"names task type '{rule.TaskType}', which is not in the log";
            }
        }

        return missing.Count switch
        {
            0 => null,
            1 => "needs " + missing[0],
            _ => $"needs {string.Join(", ", missing.GetRange(0, missing.Count - 1))} and {missing[^1]}",
        };
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (string.Equals(values[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether answer <paramref name="answer"/> is of task type <paramref name="type"/> (-1 matches every answer).</summary>
    private static bool Matches(CategoricalColumn? types, AnswerSet answers, int type, int answer) =>
        type < 0 || types!.Code(answers.SourceRow(answer)) == type;
}
