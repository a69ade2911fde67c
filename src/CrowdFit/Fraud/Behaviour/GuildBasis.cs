namespace CrowdFit.Fraud.Behaviour;

/// <summary>What <see cref="Guilds"/> clusters workers on.</summary>
public enum GuildBasis
{
    /// <summary>Accuracy features: posterior accuracy, agreement with the others, gold accuracy (when there is gold).</summary>
    Accuracy,

    /// <summary>Behaviour features: typical duration, gap and rate (when timed), label entropy and streaks.</summary>
    Behaviour,

    /// <summary>Both sets together.</summary>
    Both,
}
