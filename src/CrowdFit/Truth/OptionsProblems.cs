namespace CrowdFit.Truth;

/// <summary>Reports every invalid setting of an options record in one exception.</summary>
internal static class OptionsProblems
{
    public static void ThrowIfAny(string options, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {options}: {string.Join(" ", problems)}");
        }
    }
}
