using System.Globalization;

namespace CrowdFit.Simulation;

public sealed partial record DawidSkeneCrowdOptions
{
    /// <summary>Largest Workers × Classes², keeping the confusion matrices within 128 MiB.</summary>
    internal const long MaxConfusionEntries = 1 << 24;

    private const double MaxActivitySigma = 10;

    /// <summary>Every problem with these options, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        AtLeast(problems, Tasks, 1, nameof(Tasks));
        AtLeast(problems, Workers, 1, nameof(Workers));
        AtLeast(problems, Classes, 2, nameof(Classes));
        if (AnswersPerTask < 1 || (Workers >= 1 && AnswersPerTask > Workers))
        {
            problems.Add(Say($"{nameof(AnswersPerTask)} is {AnswersPerTask}; it must be between 1 and {nameof(Workers)} ({Workers})."));
        }

        if (Workers >= 1 && Classes >= 2 && (long)Workers * Classes * Classes > MaxConfusionEntries)
        {
            problems.Add(Say($"{nameof(Workers)} × {nameof(Classes)}² is {(long)Workers * Classes * Classes}; it must be at most {MaxConfusionEntries}."));
        }

        InRange(problems, SpammerShare, 0, 1, nameof(SpammerShare));
        InRange(problems, UniformSpammerShare, 0, 1, nameof(UniformSpammerShare));
        InRange(problems, GoldShare, 0, 1, nameof(GoldShare));
        InRange(problems, ActivitySigma, 0, MaxActivitySigma, nameof(ActivitySigma));
        InRange(problems, MinAccuracy, 0, 1, nameof(MinAccuracy));
        InRange(problems, MaxAccuracy, 0, 1, nameof(MaxAccuracy));
        if (MinAccuracy > MaxAccuracy)
        {
            problems.Add(Say($"{nameof(MinAccuracy)} ({MinAccuracy}) is above {nameof(MaxAccuracy)} ({MaxAccuracy})."));
        }

        Positive(problems, AccuracyAlpha, nameof(AccuracyAlpha));
        Positive(problems, AccuracyBeta, nameof(AccuracyBeta));
        Positive(problems, ConfusionConcentration, nameof(ConfusionConcentration));
        CheckClassBalance(problems);
        return problems;
    }

    private void CheckClassBalance(List<string> problems)
    {
        if (ClassBalance is null)
        {
            return;
        }

        if (ClassBalance.Count != Classes)
        {
            problems.Add(Say($"{nameof(ClassBalance)} has {ClassBalance.Count} weights; it must have one per class ({Classes})."));
            return;
        }

        var total = 0.0;
        foreach (var weight in ClassBalance)
        {
            total += weight;
            if (!double.IsFinite(weight) || weight < 0)
            {
                problems.Add(Say($"{nameof(ClassBalance)} has the weight {weight}; weights must be finite and non-negative."));
                return;
            }
        }

        if (!(total > 0) || !double.IsFinite(total))
        {
            problems.Add(Say($"{nameof(ClassBalance)} sums to {total}; the sum must be finite and positive."));
        }
    }

    private static void AtLeast(List<string> problems, int value, int min, string name)
    {
        if (value < min)
        {
            problems.Add(Say($"{name} is {value}; it must be at least {min}."));
        }
    }

    private static void InRange(List<string> problems, double value, double min, double max, string name)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            problems.Add(Say($"{name} is {value}; it must be in [{min}, {max}]."));
        }
    }

    private static void Positive(List<string> problems, double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            problems.Add(Say($"{name} is {value}; it must be finite and positive."));
        }
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
