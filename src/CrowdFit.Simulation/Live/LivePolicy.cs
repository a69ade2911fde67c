using System.Globalization;

namespace CrowdFit.Simulation.Live;

/// <summary>How a simulated project decides how many answers each task gets and who gives them.</summary>
public sealed record LivePolicy
{
    /// <summary>The policy families.</summary>
    public enum Family
    {
        /// <summary>Every task gets the same number of answers; majority vote.</summary>
        FixedOverlap,

        /// <summary>
        /// Toloka-style dynamic overlap: answers are added one at a time until the Bayesian confidence of the
        /// leading label reaches the threshold, each worker's accuracy q = (0.5 + right) / (1 + control answers)
        /// from control tasks; workers under 60 % on at least three control answers (their last ten) are banned.
        /// </summary>
        DynamicOverlap,

        /// <summary>CrowdFit's live engine: AQL decisions, extend+1, detectors, and random or best-worker routing.</summary>
        Aql,
    }

    /// <summary>Name as given on the command line.</summary>
    public required string Name { get; init; }

    /// <summary>The family.</summary>
    public required Family Kind { get; init; }

    /// <summary>Answers per task (fixed overlap) or the first answers a task gets (dynamic overlap).</summary>
    public int Overlap { get; init; } = 1;

    /// <summary>Confidence at which dynamic overlap stops.</summary>
    public double Threshold { get; init; } = 0.8;

    /// <summary>The quality limit of the AQL policies.</summary>
    public double Aql { get; init; } = 0.02;

    /// <summary>Whether the AQL policy sends each task to the best available worker (else a random eligible one).</summary>
    public bool BestWorker { get; init; }

    /// <summary>Names of the policies <see cref="Parse"/> knows, with their parameters.</summary>
    public static IReadOnlyList<string> Known { get; } =
        ["overlap3", "overlap5", "overlapN", "toloka[:THRESHOLD[:MIN]]", "aql-random[:AQL]", "aql-best[:AQL]"];

    /// <summary>The default comparison: fixed overlap 3 and 5, Toloka-style dynamic overlap at 80 %, AQL with random and with best-worker routing.</summary>
    public static IReadOnlyList<string> Comparison { get; } = ["overlap3", "overlap5", "toloka", "aql-random", "aql-best"];

    /// <summary>Parses a policy name, or returns null with <paramref name="error"/> saying why.</summary>
    /// <param name="text">For example <c>overlap5</c>, <c>toloka:0.9:2</c>, <c>aql-best:0.02</c>.</param>
    /// <param name="aql">The AQL for <c>aql-*</c> names that do not give one.</param>
    /// <param name="error">Why the name is not a policy.</param>
    public static LivePolicy? Parse(string text, double aql, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var head = parts[0];
        if (head.StartsWith("overlap", StringComparison.Ordinal) && parts.Length == 1
            && int.TryParse(head["overlap".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 50)
        {
            return new LivePolicy { Name = head, Kind = Family.FixedOverlap, Overlap = n };
        }

        if (head == "toloka" && parts.Length <= 3)
        {
            var threshold = 0.8;
            var min = 1;
            if ((parts.Length > 1 && !TryProbability(parts[1], out threshold)) || (parts.Length > 2 && !(int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out min) && min >= 1)))
            {
                error = $"'{text}': toloka takes a confidence in (0, 1) and a minimum overlap of at least 1, as in toloka:0.9:2.";
                return null;
            }

            return new LivePolicy { Name = text.Trim().ToLowerInvariant(), Kind = Family.DynamicOverlap, Threshold = threshold, Overlap = min };
        }

        if (head is "aql-random" or "aql-best" && parts.Length <= 2)
        {
            var limit = aql;
            if (parts.Length > 1 && !TryProbability(parts[1], out limit))
            {
                error = $"'{text}': the AQL must be in (0, 1), as in {head}:0.02.";
                return null;
            }

            return new LivePolicy { Name = parts.Length > 1 ? text.Trim().ToLowerInvariant() : head, Kind = Family.Aql, Aql = limit, BestWorker = head == "aql-best" };
        }

        error = $"Unknown policy '{text}'. Known: {string.Join(", ", Known)}.";
        return null;
    }

    private static bool TryProbability(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value is > 0 and < 1;
}
