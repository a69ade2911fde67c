namespace CrowdFit.Fraud.Behaviour;

public sealed partial class Honeypots
{
    /// <summary>
    /// Picks which tasks to make hidden gold: <c>round(rate · taskCount)</c> distinct tasks, uniformly at random
    /// (a partial Fisher–Yates shuffle driven by SplitMix64), so the same seed picks the same tasks on any machine.
    /// </summary>
    /// <param name="taskCount">Number of tasks to choose from.</param>
    /// <param name="rate">Share of tasks to make gold, in [0, 1]; platforms use 1 % to 10 %.</param>
    /// <param name="seed">Seed of the choice.</param>
    /// <returns>The chosen task indices in increasing order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="taskCount"/> is negative or <paramref name="rate"/> is outside [0, 1].</exception>
    public static IReadOnlyList<int> ChooseGoldTasks(int taskCount, double rate, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(taskCount);
        if (!(rate >= 0 && rate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "The gold rate must be in [0, 1].");
        }

        var count = (int)Math.Round(rate * taskCount, MidpointRounding.AwayFromZero);
        var order = new int[taskCount];
        for (var t = 0; t < taskCount; t++)
        {
            order[t] = t;
        }

        var random = new SeededRandom(seed);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.NextInt(taskCount - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var chosen = order[..count];
        Array.Sort(chosen);
        return chosen;
    }
}
