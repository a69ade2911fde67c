namespace CrowdFit.Truth;

/// <summary>Reports every invalid setting of an options record in one exception.</summary>
internal static class OptionsProblems
{
    /// <summary>The checks every iterative method shares: at least one iteration, a non-negative tolerance.</summary>
    public static void CheckIterations(List<string> problems, int maxIterations, double tolerance)
    {
        if (maxIterations < 1)
        {
            problems.Add($"MaxIterations must be at least 1 (was {maxIterations}).");
        }

        if (!(tolerance >= 0))
        {
            problems.Add($"Tolerance must be zero or positive (was {tolerance}).");
        }
    }

    public static void ThrowIfAny(string options, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {options}: {string.Join(" ", problems)}");
        }
    }
}
