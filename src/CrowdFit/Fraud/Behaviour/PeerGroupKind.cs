namespace CrowdFit.Fraud.Behaviour;

/// <summary>Which answers <see cref="PeerOutlier"/> compares an answer with.</summary>
public enum PeerGroupKind
{
    /// <summary>The answers of the same task type (the whole log when it has no task types).</summary>
    TaskType,

    /// <summary>The answers of workers of the same guild (<see cref="Guilds"/>).</summary>
    Guild,
}
