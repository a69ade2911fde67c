using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Live;

/// <summary>A closed-loop run: the crowd, the policy and how work arrives.</summary>
public sealed record LiveSimulationOptions
{
    /// <summary>The crowd (a preset of <see cref="AdversarialCrowdOptions"/>); its tasks, accounts and gold are used, not its dealt work.</summary>
    public required AdversarialCrowdOptions Crowd { get; init; }

    /// <summary>The policy under test.</summary>
    public required LivePolicy Policy { get; init; }

    /// <summary>Most answers a task may get under dynamic overlap and the AQL policies.</summary>
    public int MaxAnswers { get; init; } = 5;

    /// <summary>Share of assignments preceded by a control (gold) task, the same for every policy.</summary>
    public double ControlShare { get; init; } = 0.05;

    /// <summary>
    /// Answers the project asks for in a round as a share of the workers online: below one, so there is a
    /// choice of whom to ask.
    /// </summary>
    public double DemandShare { get; init; } = 0.4;

    /// <summary>Scales each account's chance to be online in a round (activity times this, at most 0.95).</summary>
    public double Presence { get; init; } = 0.4;

    /// <summary>Answers between the live engine's re-estimations.</summary>
    public int RefitEvery { get; init; } = 500;

    /// <summary>Seed of availability, offers and answers; the same seed gives every policy the same crowd behaviour.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>(Crowd?.Problems() ?? ["Crowd must be set."]);
        if (MaxAnswers < 1)
        {
            problems.Add($"MaxAnswers must be at least 1 (was {MaxAnswers}).");
        }

        if (!(ControlShare is >= 0 and < 1))
        {
            problems.Add($"ControlShare must be in [0, 1) (was {ControlShare}).");
        }

        if (!(DemandShare is > 0 and <= 1))
        {
            problems.Add($"DemandShare must be in (0, 1] (was {DemandShare}).");
        }

        if (!(Presence > 0))
        {
            problems.Add($"Presence must be positive (was {Presence}).");
        }

        if (RefitEvery < 1)
        {
            problems.Add($"RefitEvery must be at least 1 (was {RefitEvery}).");
        }

        return problems;
    }
}
