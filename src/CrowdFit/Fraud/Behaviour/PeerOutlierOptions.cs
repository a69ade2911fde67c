using CrowdFit.Truth;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>Settings of <see cref="PeerOutlier"/>.</summary>
public sealed record PeerOutlierOptions
{
    /// <summary>The default options.</summary>
    public static PeerOutlierOptions Default { get; } = new();

    /// <summary>The peer groups whose normal vectors answers are measured against.</summary>
    /// <value>
    /// <see cref="PeerGroupKind.TaskType"/>. Guilds clustered on the same behaviour the detector measures can put
    /// a crowd of spammers in a guild of their own, where they look normal; use them as peers when the guilds
    /// come from something else (see <see cref="Guilds"/>).
    /// </value>
    public PeerGroupKind PeerGroups { get; init; } = PeerGroupKind.TaskType;

    /// <summary>Settings of the behaviour features measured.</summary>
    /// <value><see cref="BehaviourFeaturesOptions.Default"/>.</value>
    public BehaviourFeaturesOptions Features { get; init; } = BehaviourFeaturesOptions.Default;

    /// <summary>Settings of the guilds, when they are the peer groups.</summary>
    /// <value><see cref="GuildsOptions.Default"/> with <see cref="GuildBasis.Accuracy"/>.</value>
    public GuildsOptions Guilds { get; init; } = GuildsOptions.Default with { Basis = GuildBasis.Accuracy };

    /// <summary>Fewest answers a peer group needs for its own normal vector; smaller groups are measured against the whole log.</summary>
    /// <value>50. Must be at least 5.</value>
    public int MinGroupAnswers { get; init; } = 50;

    /// <summary>Fewest answers a worker needs to enter the reference of worker means.</summary>
    /// <value>10. Must be at least 2.</value>
    public int MinWorkerAnswers { get; init; } = 10;

    /// <summary>Answers further than this many robust standard deviations from the first estimate of the norm are left out of the second (unless cleared by an analyst).</summary>
    /// <value>4. Must be at least 2.</value>
    public double TrimDistance { get; init; } = 4;

    /// <summary>Largest distance, in robust standard deviations, one feature of one answer counts for in a worker's mean.</summary>
    /// <value>10. Must be at least <see cref="TrimDistance"/>.</value>
    public double ClipDistance { get; init; } = 10;

    /// <summary>Checks every setting (and those of <see cref="Features"/> and <see cref="Guilds"/>) and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        if (!Enum.IsDefined(PeerGroups))
        {
            problems.Add($"{nameof(PeerGroups)} must be one of {string.Join(", ", Enum.GetNames<PeerGroupKind>())} (was {PeerGroups}).");
        }

        if (Features is null || Guilds is null)
        {
            problems.Add($"{nameof(Features)} and {nameof(Guilds)} must be set.");
        }

        Check.AtLeast(problems, nameof(MinGroupAnswers), MinGroupAnswers, 5);
        Check.AtLeast(problems, nameof(MinWorkerAnswers), MinWorkerAnswers, 2);
        Check.Between(problems, nameof(TrimDistance), TrimDistance, 2, double.MaxValue);
        Check.Between(problems, nameof(ClipDistance), ClipDistance, TrimDistance, double.MaxValue);
        OptionsProblems.ThrowIfAny(nameof(PeerOutlierOptions), problems);
        Features?.Validate();
        Guilds?.Validate();
    }
}
