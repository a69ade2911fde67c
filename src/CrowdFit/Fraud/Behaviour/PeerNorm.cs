namespace CrowdFit.Fraud.Behaviour;

/// <summary>One coordinate of a peer group's normal vector: where a feature usually sits for that group and how much it varies.</summary>
/// <param name="Group">The peer group: a task type or guild index, or -1 for the whole log.</param>
/// <param name="Feature">The feature (a <see cref="BehaviourColumns"/> name, after the transform <see cref="PeerOutlier"/> applies).</param>
/// <param name="Location">Median of the feature over the group's answers, confirmed fraud and gross outliers left out.</param>
/// <param name="Scale">1.4826 · MAD of the feature over the same answers (a robust standard deviation).</param>
/// <param name="Answers">Answers the norm was estimated from.</param>
public sealed record PeerNorm(int Group, string Feature, double Location, double Scale, int Answers);
