namespace CrowdFit.Simulation.Adversarial;

/// <summary>One account of a <see cref="CrowdPopulation"/>: what it is and how it answers.</summary>
/// <param name="Id">Account id.</param>
/// <param name="Kind">Honest or which adversary.</param>
/// <param name="Group">Ring or farm number (0 when not in a group).</param>
/// <param name="IsLeader">Whether the account leads a ring (the others copy it).</param>
/// <param name="Accuracy">Probability of the right label per task type when answering honestly.</param>
/// <param name="Activity">Relative amount of work the account takes on.</param>
/// <param name="ConstantLabel">The label a constant spammer gives.</param>
/// <param name="OnsetShare">For sleepers, the share of their work done honestly before they turn; else 0.</param>
/// <param name="Country">Country code the account is paid in.</param>
public sealed record PopulationAccount(string Id, AdversaryKind Kind, int Group, bool IsLeader, IReadOnlyList<double> Accuracy, double Activity, int ConstantLabel, double OnsetShare, string Country)
{
    /// <summary>Whether the account's labels are an attack (time thieves label honestly; they pad their claimed time).</summary>
    public bool Adversarial => Kind is not (AdversaryKind.Honest or AdversaryKind.TimeThief);
}
