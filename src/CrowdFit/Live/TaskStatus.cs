namespace CrowdFit.Live;

/// <summary>Where a task stands in a live project.</summary>
public enum LiveTaskStatus
{
    /// <summary>Waiting for answers.</summary>
    Open,

    /// <summary>Its label is delivered.</summary>
    Accepted,

    /// <summary>Sent to an expert: its budget could not settle it.</summary>
    Review,

    /// <summary>A control task with a known label; its answers measure workers.</summary>
    Gold,
}
