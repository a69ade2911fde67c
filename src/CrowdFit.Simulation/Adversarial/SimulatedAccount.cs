namespace CrowdFit.Simulation.Adversarial;

/// <summary>One account of an adversarial crowd, as written to <c>truth/workers.csv</c>.</summary>
public sealed record SimulatedAccount
{
    /// <summary>The account id in the log.</summary>
    public required string Id { get; init; }

    /// <summary>What the account is.</summary>
    public required AdversaryKind Kind { get; init; }

    /// <summary>Ring or farm number from 1 for accounts in a group, else 0.</summary>
    public int Group { get; init; }

    /// <summary>Base accuracy of the person behind the account (1 / classes for answers at random).</summary>
    public double Accuracy { get; init; }

    /// <summary>Time per task relative to an average honest worker.</summary>
    public double Speed { get; init; }

    /// <summary>Country paid to.</summary>
    public required string PaymentCountry { get; init; }

    /// <summary>First day (from 0) the account works.</summary>
    public int FirstDay { get; init; }

    /// <summary>For sleepers, the position in the account's timeline of its first bad answer; else -1.</summary>
    public int Onset { get; init; } = -1;

    /// <summary>Number of answers the account gave.</summary>
    public int Answers { get; init; }
}
