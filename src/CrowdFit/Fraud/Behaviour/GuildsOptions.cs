using CrowdFit.Truth;

namespace CrowdFit.Fraud.Behaviour;

/// <summary>Settings of <see cref="Guilds"/>.</summary>
public sealed record GuildsOptions
{
    /// <summary>The default options.</summary>
    public static GuildsOptions Default { get; } = new();

    /// <summary>What to cluster workers on.</summary>
    /// <value><see cref="GuildBasis.Both"/>.</value>
    public GuildBasis Basis { get; init; } = GuildBasis.Both;

    /// <summary>Fewest guilds tried (besides one guild for all, chosen when no clustering is clear enough).</summary>
    /// <value>2. Must be at least 2.</value>
    public int MinGuilds { get; init; } = 2;

    /// <summary>Most guilds tried.</summary>
    /// <value>8. Must be at least <see cref="MinGuilds"/>.</value>
    public int MaxGuilds { get; init; } = 8;

    /// <summary>k-means++ starts per number of guilds; the start with the least within-guild spread is kept.</summary>
    /// <value>5. Must be at least 1.</value>
    public int Restarts { get; init; } = 5;

    /// <summary>Most Lloyd iterations per start.</summary>
    /// <value>100. Must be at least 1.</value>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Fewest answers a worker needs to shape the guilds; workers with fewer join the nearest guild.</summary>
    /// <value>5. Must be at least 1.</value>
    public int MinAnswers { get; init; } = 5;

    /// <summary>Smallest mean silhouette that counts as structure; below it every worker is put in one guild.</summary>
    /// <value>0.25 (Kaufman &amp; Rousseeuw: below 0.25 "no substantial structure"). Must be in [-1, 1].</value>
    public double MinSilhouette { get; init; } = 0.25;

    /// <summary>Most workers the silhouette is computed on (an evenly spaced sample; the silhouette costs the square of this).</summary>
    /// <value>2,000. Must be at least 10.</value>
    public int SilhouetteSample { get; init; } = 2000;

    /// <summary>Seed of the k-means++ starts.</summary>
    /// <value>1.</value>
    public long Seed { get; init; } = 1;

    /// <summary>Checks every setting and reports all problems together.</summary>
    /// <exception cref="ArgumentException">One or more settings are out of range.</exception>
    public void Validate()
    {
        List<string> problems = [];
        if (!Enum.IsDefined(Basis))
        {
            problems.Add($"{nameof(Basis)} must be one of {string.Join(", ", Enum.GetNames<GuildBasis>())} (was {Basis}).");
        }

        Check.AtLeast(problems, nameof(MinGuilds), MinGuilds, 2);
        Check.AtLeast(problems, nameof(MaxGuilds), MaxGuilds, MinGuilds);
        Check.AtLeast(problems, nameof(Restarts), Restarts, 1);
        Check.AtLeast(problems, nameof(MaxIterations), MaxIterations, 1);
        Check.AtLeast(problems, nameof(MinAnswers), MinAnswers, 1);
        Check.Between(problems, nameof(MinSilhouette), MinSilhouette, -1, 1);
        Check.AtLeast(problems, nameof(SilhouetteSample), SilhouetteSample, 10);
        OptionsProblems.ThrowIfAny(nameof(GuildsOptions), problems);
    }
}
