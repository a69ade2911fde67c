namespace CrowdFit.Fraud.Rules;

/// <summary>
/// What the rules found while <see cref="RuleEngine"/> evaluates them: per answer the first rule it broke
/// (in file order) with that rule's number, and per rule and worker a tally for the reasons.
/// </summary>
internal sealed class RuleHits
{
    private readonly WorkLog _log;
    private readonly FraudRules _rules;
    private readonly int[] _firstRule;
    private readonly float[] _evidence;
    private readonly bool[] _brokeFlagRule;

    public RuleHits(WorkLog log, FraudRules rules)
    {
        _log = log;
        _rules = rules;
        var answers = log.Answers.Count;
        var workers = log.Answers.WorkerCount;
        _firstRule = new int[answers];
        Array.Fill(_firstRule, -1);
        _evidence = new float[answers];
        _brokeFlagRule = new bool[answers];
        FlagAnswers = new int[workers];
        Suspended = new bool[workers];
        Onset = new int[workers];
        Array.Fill(Onset, int.MaxValue);
        Tally = new RuleTally[rules.Rules.Count][];
    }

    /// <summary>Per rule (null when the rule was not checked), per worker: the rule's tally.</summary>
    public RuleTally[]?[] Tally { get; }

    /// <summary>Per worker, how many of its answers broke at least one flag rule.</summary>
    public int[] FlagAnswers { get; }

    /// <summary>Per worker, whether it broke a suspend rule.</summary>
    public bool[] Suspended { get; }

    /// <summary>Per worker, the earliest timeline position of an offending answer (<see cref="int.MaxValue"/> when none).</summary>
    public int[] Onset { get; }

    /// <summary>The first rule answer <paramref name="answer"/> broke, or -1.</summary>
    public int FirstRule(int answer) => _firstRule[answer];

    /// <summary>The number that rule <see cref="FirstRule"/> recorded for the answer (window count, duration, failures or share).</summary>
    public double Evidence(int answer) => _evidence[answer];

    /// <summary>Starts the tally of rule <paramref name="rule"/>.</summary>
    public RuleTally[] Begin(int rule) => Tally[rule] = new RuleTally[_log.Answers.WorkerCount];

    /// <summary>Records that <paramref name="answer"/> broke <paramref name="rule"/>; each rule records an answer at most once.</summary>
    public void Hit(int rule, int answer, double evidence)
    {
        var worker = _log.Answers.Workers[answer];
        if (_firstRule[answer] < 0)
        {
            _firstRule[answer] = rule;
            _evidence[answer] = (float)evidence;
        }

        if (_rules.Rules[rule].Action == FraudRuleAction.Suspend)
        {
            Suspended[worker] = true;
        }
        else if (!_brokeFlagRule[answer])
        {
            _brokeFlagRule[answer] = true;
            FlagAnswers[worker]++;
        }

        Onset[worker] = Math.Min(Onset[worker], _log.PositionInTimeline(answer));
        Tally[rule]![worker].Hits++;
    }
}
