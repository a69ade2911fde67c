using System.Globalization;
using System.Text;

namespace CrowdFit.Fraud.Rules;

public sealed partial class RuleEngine
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    private DetectorReport Report(WorkLog log, RuleHits hits, IReadOnlyList<string> notes)
    {
        var answers = log.Answers;
        var workerP = new double[answers.WorkerCount];
        var reasons = new string?[answers.WorkerCount];
        var onset = new int[answers.WorkerCount];
        var uncheckedNote = notes.Count == 0 ? "" : "; not checked: " + string.Join("; ", notes);
        for (var w = 0; w < answers.WorkerCount; w++)
        {
            var total = log.Timeline(w).Length;
            var flagged = hits.FlagAnswers[w];
            var byShare = flagged > 0 && flagged >= _rules.WorkerShare * total;
            workerP[w] = hits.Suspended[w] || byShare ? 0 : 1;
            onset[w] = hits.Onset[w] == int.MaxValue ? -1 : hits.Onset[w];
            if (onset[w] >= 0)
            {
                reasons[w] = WorkerReason(log, hits, w, total) + uncheckedNote;
            }
        }

        var answerP = new float[answers.Count];
        for (var a = 0; a < answerP.Length; a++)
        {
            answerP[a] = hits.FirstRule(a) >= 0 ? 0f : 1f;
        }

        return new DetectorReport(Name, workerP, reasons, answerP, a => AnswerReason(log, hits, a), onset);
    }

    private string WorkerReason(WorkLog log, RuleHits hits, int worker, int total)
    {
        var text = new StringBuilder();
        for (var r = 0; r < _rules.Rules.Count; r++)
        {
            if (hits.Tally[r] is { } tally && tally[worker].Hits > 0)
            {
                var rule = _rules.Rules[r];
                text.Append(text.Length > 0 ? "; " : "").Append(RuleReason(log, rule, tally[worker]));
                text.Append(rule.Action == FraudRuleAction.Suspend ? " (suspend)" : "");
            }
        }

        var flagged = hits.FlagAnswers[worker];
        if (flagged > 0)
        {
            text.Append(s_invariant, $"; {flagged} of {total} answers ({(double)flagged / total:0%}) break flag rules (the worker is flagged from {_rules.WorkerShare:0%})");
        }

        return text.ToString();
    }

    private static string RuleReason(WorkLog log, FraudRule rule, RuleTally t)
    {
        var of = rule.TaskType is null ? $"{t.Considered}" : $"{t.Considered} '{rule.TaskType}'";
        return rule.Kind switch
        {
            FraudRuleKind.MaxRate => string.Create(s_invariant, $"rule '{rule.Name}': {t.Extreme:0} answers within {Span(rule.Seconds)} from {Time(log, t.At)}, more than {rule.Answers} allowed ({t.Hits} of {of} answers in such bursts)"),
            FraudRuleKind.MinSeconds => string.Create(s_invariant, $"rule '{rule.Name}': {t.Hits} of {of} answers took under {Span(rule.Seconds)} (fastest {Span(t.Extreme)})"),
            FraudRuleKind.MaxSeconds => string.Create(s_invariant, $"rule '{rule.Name}': {t.Hits} of {of} answers took over {Span(rule.Seconds)} (longest {Span(t.Extreme)})"),
            FraudRuleKind.MaxFailedGold => string.Create(s_invariant, $"rule '{rule.Name}': wrong on {t.Found} of {of} gold answers, more than {rule.Count} allowed"),
            _ => string.Create(s_invariant, $"rule '{rule.Name}': {t.Found} of {of} answers ({t.Extreme:0%}) from a country other than the payment country, more than {rule.MinShare:0%} allowed"),
        };
    }

    private string? AnswerReason(WorkLog log, RuleHits hits, int answer)
    {
        var r = hits.FirstRule(answer);
        if (r < 0)
        {
            return null;
        }

        var rule = _rules.Rules[r];
        var value = hits.Evidence(answer);
        switch (rule.Kind)
        {
            case FraudRuleKind.MaxRate:
                return string.Create(s_invariant, $"rule '{rule.Name}': one of {value:0} answers within {Span(rule.Seconds)} around {Time(log, log.Submitted[answer])}, more than {rule.Answers} allowed");
            case FraudRuleKind.MinSeconds:
                return string.Create(s_invariant, $"rule '{rule.Name}': took {Span(value)}, under {Span(rule.Seconds)}");
            case FraudRuleKind.MaxSeconds:
                return string.Create(s_invariant, $"rule '{rule.Name}': took {Span(value)}, over {Span(rule.Seconds)}");
            case FraudRuleKind.MaxFailedGold:
                return string.Create(s_invariant, $"rule '{rule.Name}': wrong on gold, one of the worker's {value:0} failed gold answers, more than {rule.Count} allowed");
            default:
                var row = log.Answers.SourceRow(answer);
                var context = log.Context!;
                return string.Create(s_invariant, $"rule '{rule.Name}': sent from {context.Country![row]} with payment country {context.PaymentCountry![row]}; {value:0%} of the worker's answers come from another country, more than {rule.MinShare:0%} allowed");
        }
    }

    /// <summary>A duration for people: "0.4 s" below two minutes, otherwise whole hours, minutes and seconds ("1 h 0 min 1 s" reads "1 h 1 s").</summary>
    private static string Span(double seconds)
    {
        if (Math.Abs(seconds) < 120)
        {
            return string.Create(s_invariant, $"{seconds:0.##} s");
        }

        var total = (long)Math.Round(Math.Abs(seconds));
        var (hours, minutes, rest) = (total / 3600, total % 3600 / 60, total % 60);
        var parts = new List<string>(3);
        if (hours > 0)
        {
            parts.Add(string.Create(s_invariant, $"{hours} h"));
        }

        if (minutes > 0)
        {
            parts.Add(string.Create(s_invariant, $"{minutes} min"));
        }

        if (rest > 0)
        {
            parts.Add(string.Create(s_invariant, $"{rest} s"));
        }

        return (seconds < 0 ? "-" : "") + string.Join(" ", parts);
    }

    private static string Time(WorkLog log, double seconds) =>
        (log.Origin + TimeSpan.FromSeconds(seconds)).ToString("yyyy-MM-dd HH:mm 'UTC'", s_invariant);
}
