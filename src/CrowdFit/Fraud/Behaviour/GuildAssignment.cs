namespace CrowdFit.Fraud.Behaviour;

/// <summary>Workers grouped into guilds by <see cref="Guilds"/>.</summary>
public sealed class GuildAssignment
{
    private readonly int[] _guild;
    private readonly string[] _features;
    private readonly double[][] _centroids;
    private readonly double[] _silhouetteByCount;

    internal GuildAssignment(int[] guild, string[] features, double[][] centroids, double[] silhouetteByCount, int minGuilds, double silhouette)
    {
        _guild = guild;
        _features = features;
        _centroids = centroids;
        _silhouetteByCount = silhouetteByCount;
        MinGuilds = minGuilds;
        Silhouette = silhouette;
    }

    /// <summary>Number of guilds (1 when the workers show no clear structure).</summary>
    public int Count => _centroids.Length;

    /// <summary>The guild of every worker, by worker index: 0..<see cref="Count"/>-1, or -1 for a worker without answers.</summary>
    public IReadOnlyList<int> GuildOfWorker => _guild;

    /// <summary>The names of the features the workers were clustered on.</summary>
    public IReadOnlyList<string> Features => _features;

    /// <summary>The centre of each guild, in the features' own units (one value per feature).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Centroids => _centroids;

    /// <summary>Mean silhouette of the chosen clustering; NaN when one guild was chosen for lack of structure.</summary>
    public double Silhouette { get; }

    /// <summary>The smallest number of guilds tried; <see cref="SilhouetteByCount"/> starts there.</summary>
    public int MinGuilds { get; }

    /// <summary>Mean silhouette for each number of guilds tried, from <see cref="MinGuilds"/> up (NaN where too few workers).</summary>
    public IReadOnlyList<double> SilhouetteByCount => _silhouetteByCount;

    /// <summary>The guild of <paramref name="worker"/>, or -1 for a worker without answers.</summary>
    public int Guild(int worker) => _guild[worker];
}
