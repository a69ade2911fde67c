namespace CrowdFit.Truth;

/// <summary>Settings of <see cref="Wawa"/>.</summary>
public sealed record WawaOptions
{
    /// <summary>
    /// Whether a worker's repeated identical answers to one task count once when its agreement with the
    /// majority vote is measured (Crowd-Kit's rule). The weighted vote itself always counts every answer.
    /// </summary>
    /// <value><see langword="true"/>.</value>
    public bool CountRepeatsOnce { get; init; } = true;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range (none can be, today).</exception>
    public void Validate() => OptionsProblems.ThrowIfAny(nameof(WawaOptions), []);
}
