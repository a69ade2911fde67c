using System.Collections.Frozen;
using System.Globalization;

namespace CrowdFit.Routing;

/// <summary>A project's requirements on the workers it accepts (SPEC E4): region, qualifications and a minimum accuracy.</summary>
/// <remarks>Validate once with <see cref="Problems"/>; <see cref="Check"/> assumes valid settings.</remarks>
public sealed record WorkerRequirements
{
    /// <summary>Requirements that accept every worker.</summary>
    public static WorkerRequirements None { get; } = new();

    /// <summary>Names of the qualifications a worker must all hold.</summary>
    /// <value>Empty: none required.</value>
    public IReadOnlySet<string> Qualifications { get; init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// The lowest predicted accuracy (<see cref="SkillEstimate.Mean"/>) accepted on the project's task type, once the
    /// worker has at least <see cref="MinEvidence"/> answers there.
    /// </summary>
    /// <value>0: no minimum. Must be in [0, 1].</value>
    public double MinAccuracy { get; init; }

    /// <summary>
    /// Effective answers on the task type before <see cref="MinAccuracy"/> applies; until then a worker is judged by
    /// region and qualifications only, so newcomers get the chance to show their accuracy.
    /// </summary>
    /// <value>10. Must be zero or positive and finite.</value>
    public double MinEvidence { get; init; } = 10;

    /// <summary>Countries the worker must be in, as ISO 3166 codes compared case-insensitively.</summary>
    /// <value>Empty: anywhere. A worker of unknown country is refused when this is not empty.</value>
    public IReadOnlySet<string> Regions { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whether a worker may work on the project; null when eligible, else the first reason they may not.</summary>
    /// <param name="profile">The worker.</param>
    /// <param name="skill">The worker's predicted accuracy on the project's task type (<see cref="SkillModel.Predict"/>).</param>
    /// <returns>
    /// Null when every rule passes; otherwise one sentence about the first rule that fails, checked in the order
    /// region, qualifications, accuracy. Allocates only the reason, and the enumerator of a non-empty
    /// <see cref="Regions"/> or <see cref="Qualifications"/> set.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="profile"/> is null.</exception>
    public string? Check(WorkerProfile profile, SkillEstimate skill)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (Regions.Count > 0 && !InRegions(profile.Country))
        {
            return profile.Country is null
                ? "country unknown, and the project is limited to some regions"
                : string.Create(CultureInfo.InvariantCulture, $"country {profile.Country} not in the project's regions");
        }

        if (Qualifications.Count > 0)
        {
            foreach (var name in Qualifications)
            {
                if (!profile.Qualifications.Contains(name))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"lacks qualification '{name}'");
                }
            }
        }

        if (skill.Evidence >= MinEvidence && skill.Mean < MinAccuracy)
        {
            return string.Create(CultureInfo.InvariantCulture, $"accuracy {skill.Mean:0.00} under the project's minimum {MinAccuracy:0.00} after {skill.Evidence:0.#} answers");
        }

        return null;
    }

    /// <summary>Lists every problem with these settings; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (!(MinAccuracy >= 0 && MinAccuracy <= 1))
        {
            problems.Add($"MinAccuracy must be in [0, 1]; got {MinAccuracy}.");
        }

        if (!(MinEvidence >= 0 && double.IsFinite(MinEvidence)))
        {
            problems.Add($"MinEvidence must be zero or positive and finite; got {MinEvidence}.");
        }

        CheckNames(problems, nameof(Qualifications), Qualifications);
        CheckNames(problems, nameof(Regions), Regions);
        return problems;
    }

    private static void CheckNames(List<string> problems, string name, IReadOnlySet<string>? names)
    {
        if (names is null)
        {
            problems.Add($"{name} must not be null; use an empty set for none.");
        }
        else if (names.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{name} must not hold a blank name.");
        }
    }

    private bool InRegions(string? country)
    {
        if (country is null)
        {
            return false;
        }

        foreach (var region in Regions)
        {
            if (string.Equals(region, country, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
