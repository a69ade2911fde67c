namespace CrowdFit.Simulation.Adversarial;

/// <summary>
/// Fair-operations problems planted in an adversarial crowd (SPEC G), so that a check can see the pay, cohort
/// and drift analyses find what is there and invent nothing. Each problem is off while its subject is null;
/// <see cref="None"/> plants nothing and still has the crowd write an empty <c>truth/planted.csv</c>.
/// </summary>
/// <remarks>
/// The plants draw their randomness from streams of their own, so a crowd with and without them has the same
/// people, tasks, schedule and (outside the plants) the same labels: the clean twin of a planted crowd is the
/// same options with <see cref="None"/>.
/// </remarks>
public sealed record PlantedProblems
{
    /// <summary>Nothing planted.</summary>
    public static PlantedProblems None { get; } = new();

    /// <summary>The task type whose reward is replaced by <see cref="UnderpaidReward"/>; null for no pay problem.</summary>
    public string? UnderpaidTaskType { get; init; }

    /// <summary>Reward per answer of <see cref="UnderpaidTaskType"/>, in place of its <see cref="TaskTypeSpec.Reward"/>.</summary>
    /// <value>0. Must be non-negative and below the type's own reward.</value>
    public double UnderpaidReward { get; init; }

    /// <summary>
    /// The country (code of the login country) where a share of the honest workers reach the platform from
    /// internet cafés: a café's shared address and a few shared computers; null for no cohort problem.
    /// </summary>
    public string? CafeCountry { get; init; }

    /// <summary>Share of the honest workers of <see cref="CafeCountry"/> who work from a café.</summary>
    /// <value>0. Must be in (0, 1] when <see cref="CafeCountry"/> is set.</value>
    public double CafeShare { get; init; }

    /// <summary>Regular customers of one café.</summary>
    /// <value>12. Must be at least 2.</value>
    public int CafeRegulars { get; init; } = 12;

    /// <summary>Computers in one café; each regular has a usual seat among them.</summary>
    /// <value>3. Must be at least 1.</value>
    public int CafeComputers { get; init; } = 3;

    /// <summary>Chance that a regular sits at their usual computer on a day (else at any of the café's computers).</summary>
    /// <value>0.8. Must be in [0, 1].</value>
    public double UsualSeatShare { get; init; } = 0.8;

    /// <summary>The task type whose guideline changes on <see cref="DriftDay"/>; null for no drift.</summary>
    public string? DriftTaskType { get; init; }

    /// <summary>The first day (from 0, by UTC submit time) under the new guideline.</summary>
    /// <value>0. Must be in [1, Days − 1] when <see cref="DriftTaskType"/> is set.</value>
    public int DriftDay { get; init; }

    /// <summary>The label the new guideline narrows: under it, items that truly are this label are often given <see cref="DriftTo"/>.</summary>
    public string? DriftFrom { get; init; }

    /// <summary>The label the new guideline moves items of <see cref="DriftFrom"/> to.</summary>
    public string? DriftTo { get; init; }

    /// <summary>Chance that an honest answer on a task of label <see cref="DriftFrom"/> follows the new guideline.</summary>
    /// <value>0. Must be in (0, 1] when <see cref="DriftTaskType"/> is set.</value>
    public double DriftShare { get; init; }

    /// <summary>Everything wrong with these plants in the crowd of <paramref name="options"/>, one sentence each.</summary>
    internal IEnumerable<string> Problems(AdversarialCrowdOptions options)
    {
        var types = options.TaskTypes.Select(t => t.Name).ToArray();
        if (UnderpaidTaskType is { } underpaid)
        {
            var type = options.TaskTypes.FirstOrDefault(t => t.Name == underpaid);
            if (type is null)
            {
                yield return $"Plants.UnderpaidTaskType '{underpaid}' is not a task type ({string.Join(", ", types)}).";
            }
            else if (!(UnderpaidReward >= 0 && UnderpaidReward < type.Reward))
            {
                yield return $"Plants.UnderpaidReward must be non-negative and below the type's reward {type.Reward} (was {UnderpaidReward}).";
            }
        }

        if (CafeCountry is { } country)
        {
            if (Countries.Find(country) < 0)
            {
                yield return $"Plants.CafeCountry '{country}' is not a known country ({string.Join(", ", Countries.All.Select(c => c.Code))}).";
            }

            if (!(CafeShare is > 0 and <= 1))
            {
                yield return $"Plants.CafeShare must be in (0, 1] (was {CafeShare}).";
            }
        }

        if (CafeRegulars < 2 || CafeComputers < 1 || !(UsualSeatShare is >= 0 and <= 1))
        {
            yield return $"Plants.CafeRegulars must be at least 2, CafeComputers at least 1 and UsualSeatShare in [0, 1] (were {CafeRegulars}, {CafeComputers}, {UsualSeatShare}).";
        }

        if (DriftTaskType is { } drifting)
        {
            if (!types.Contains(drifting))
            {
                yield return $"Plants.DriftTaskType '{drifting}' is not a task type ({string.Join(", ", types)}).";
            }

            if (DriftDay < 1 || DriftDay >= options.Days)
            {
                yield return $"Plants.DriftDay must be in [1, {options.Days - 1}] (was {DriftDay}).";
            }

            if (DriftFrom is null || DriftTo is null || DriftFrom == DriftTo || !options.Labels.Contains(DriftFrom) || !options.Labels.Contains(DriftTo))
            {
                yield return $"Plants.DriftFrom and DriftTo must be two different labels of {string.Join(", ", options.Labels)} (were '{DriftFrom}', '{DriftTo}').";
            }

            if (!(DriftShare is > 0 and <= 1))
            {
                yield return $"Plants.DriftShare must be in (0, 1] (was {DriftShare}).";
            }
        }
    }
}
