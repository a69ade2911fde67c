using CrowdFit.Fraud.Behaviour;
using CrowdFit.Truth;

namespace CrowdFit.Fraud.Identity;

/// <summary>Settings of <see cref="SharedAccounts"/>.</summary>
public sealed record SharedAccountsOptions
{
    /// <summary>The default options.</summary>
    public static SharedAccountsOptions Default { get; } = new();

    /// <summary>A pause between two submissions at least this many hours long counts as rest; a stretch of work without one that lasts 24 hours counts as a day without rest.</summary>
    /// <value>5. Must be in [1, 23].</value>
    public double BreakHours { get; init; } = 5;

    /// <summary>Fewest active units (UTC days, or blocks of <see cref="AnswersPerBlock"/> answers when the log has no submit times) a worker needs to be tested; workers with fewer get p = 1.</summary>
    /// <value>5. Must be at least 2.</value>
    public int MinActiveUnits { get; init; } = 5;

    /// <summary>Answers per unit when the log has no submit times and units are blocks of consecutive answers.</summary>
    /// <value>20. Must be at least 2.</value>
    public int AnswersPerBlock { get; init; } = 20;

    /// <summary>Answers a value (a login country, a device, a network) needs within one unit to count there, so a single stray answer does not make a mixed day.</summary>
    /// <value>2. Must be at least 1.</value>
    public int MinUnitAnswers { get; init; } = 2;

    /// <summary>A UTC hour of the day is one of a worker's habitual hours when the worker was active in it on at least this share of its active days (and on two days at least).</summary>
    /// <value>0.1. Must be in (0, 1).</value>
    public double HabitualShare { get; init; } = 0.1;

    /// <summary>Smallest honest rate of an event unit the count tests assume, so a crowd with none never makes one look impossible.</summary>
    /// <value>0.01. Must be in (0, 1).</value>
    public double FloorRate { get; init; } = 0.01;

    /// <summary>Workers whose count is this improbable under the current fit are left out of the next round of it.</summary>
    /// <value>0.001. Must be in (0, 1).</value>
    public double TrimLevel { get; init; } = 0.001;

    /// <summary>Smallest robust standard deviation, in hours, of the workers' daily rest, so a crowd of identical schedules does not make every small difference significant.</summary>
    /// <value>1. Must be positive.</value>
    public double MinRestScale { get; init; } = 1;

    /// <summary>
    /// Daily rest, in hours, that one person can keep up: rest at or above this is no evidence of sharing
    /// however much it differs from the crowd's (a full-time worker rests less than a casual one).
    /// </summary>
    /// <value>6. Must be in [1, 23].</value>
    public double HumanRestHours { get; init; } = 6;

    /// <summary>Degrees of freedom of the Student t whose tail turns a worker's robust rest z-score into its p-value.</summary>
    /// <value>5. Must be at least 1.</value>
    public double TailDegrees { get; init; } = 5;

    /// <summary>Workers with a p-value at or below this get a reason, and a signal at or below it is named in the reason.</summary>
    /// <value>0.05. Must be in (0, 1).</value>
    public double ReportLevel { get; init; } = 0.05;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        Check.Between(problems, nameof(BreakHours), BreakHours, 1, 23);
        Check.AtLeast(problems, nameof(MinActiveUnits), MinActiveUnits, 2);
        Check.AtLeast(problems, nameof(AnswersPerBlock), AnswersPerBlock, 2);
        Check.AtLeast(problems, nameof(MinUnitAnswers), MinUnitAnswers, 1);
        Check.Probability(problems, nameof(HabitualShare), HabitualShare);
        Check.Probability(problems, nameof(FloorRate), FloorRate);
        Check.Probability(problems, nameof(TrimLevel), TrimLevel);
        Check.Positive(problems, nameof(MinRestScale), MinRestScale);
        Check.Between(problems, nameof(HumanRestHours), HumanRestHours, 1, 23);
        Check.Between(problems, nameof(TailDegrees), TailDegrees, 1, double.MaxValue);
        Check.Probability(problems, nameof(ReportLevel), ReportLevel);
        OptionsProblems.ThrowIfAny(nameof(SharedAccountsOptions), problems);
    }
}
