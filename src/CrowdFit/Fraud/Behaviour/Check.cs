namespace CrowdFit.Fraud.Behaviour;

/// <summary>Range checks shared by the behaviour options; each adds a message naming the value and the valid range.</summary>
internal static class Check
{
    public static void Positive(List<string> problems, string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            problems.Add($"{name} must be positive and finite (was {value}).");
        }
    }

    public static void AtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add($"{name} must be at least {minimum} (was {value}).");
        }
    }

    public static void Probability(List<string> problems, string name, double value)
    {
        if (!(value > 0 && value < 1))
        {
            problems.Add($"{name} must be in (0, 1) (was {value}).");
        }
    }

    public static void Between(List<string> problems, string name, double value, double low, double high)
    {
        if (!(value >= low && value <= high))
        {
            problems.Add($"{name} must be in [{low}, {high}] (was {value}).");
        }
    }
}
