namespace CrowdFit.Fraud.Behaviour;

/// <summary>
/// Guilds (SPEC D3): groups of workers with similar accuracy or behaviour, for peer comparison and routing.
/// </summary>
/// <remarks>
/// <para>
/// Each worker with at least <see cref="GuildsOptions.MinAnswers"/> answers is described by a few numbers:
/// for accuracy, the logit of its posterior accuracy, of its mean agreement with the others
/// (leave-self-out) and, when the log has gold, of its gold accuracy (all with one pseudo-answer right and
/// one wrong); for behaviour, its median ln-duration, ln-gap and ln(1 + rate) when the log is timed, its
/// mean recent label entropy and its mean ln streak length. Each feature is centred on its median and
/// scaled by 1.4826·MAD (by 1 when the MAD is 0); a missing value (no gold answers) takes the median.
/// </para>
/// <para>
/// For every k from <see cref="GuildsOptions.MinGuilds"/> to <see cref="GuildsOptions.MaxGuilds"/>, k-means
/// (Lloyd's iterations from <see cref="GuildsOptions.Restarts"/> k-means++ starts, Arthur &amp; Vassilvitskii
/// 2007, seeded) keeps the start with the least within-guild sum of squares; k is chosen by the largest mean
/// silhouette (Rousseeuw 1987) on an evenly spaced sample of workers. When no k reaches
/// <see cref="GuildsOptions.MinSilhouette"/>, all workers form one guild. Workers with fewer answers join
/// the nearest guild. Everything runs on one thread in a fixed order, so the same log and seed give the
/// same guilds.
/// </para>
/// </remarks>
public static partial class Guilds
{
    /// <summary>Finds the guilds of a log.</summary>
    /// <param name="log">The log, with its current truth.</param>
    /// <param name="options">Settings; <see cref="GuildsOptions.Default"/> when null.</param>
    /// <param name="features">The log's behaviour features when already computed, else null.</param>
    /// <returns>The guild of every worker and the guild centres.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="log"/> is null.</exception>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public static GuildAssignment Find(WorkLog log, GuildsOptions? options = null, BehaviourFeatures? features = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        options ??= GuildsOptions.Default;
        options.Validate();
        var (names, values) = WorkerFeatures(log, options.Basis, features);
        var workers = log.Answers.WorkerCount;
        var d = names.Length;
        var answered = new int[workers];
        foreach (var w in log.Answers.Workers)
        {
            answered[w]++;
        }

        var fit = Enumerable.Range(0, workers).Where(w => answered[w] >= options.MinAnswers).ToArray();
        var (center, scale) = Standardize(values, fit, workers, d);
        var points = new double[fit.Length * d];
        for (var i = 0; i < fit.Length; i++)
        {
            values.AsSpan(fit[i] * d, d).CopyTo(points.AsSpan(i * d, d));
        }

        var silhouettes = new double[options.MaxGuilds - options.MinGuilds + 1];
        Array.Fill(silhouettes, double.NaN);
        var bestSilhouette = double.NaN;
        double[]? bestCentroids = null;
        var random = new SeededRandom(options.Seed);
        for (var k = options.MinGuilds; k <= options.MaxGuilds && k < fit.Length; k++)
        {
            var (centroids, assignment) = KMeans(points, fit.Length, d, k, options, ref random);
            var silhouette = MeanSilhouette(points, assignment, fit.Length, d, k, options.SilhouetteSample);
            silhouettes[k - options.MinGuilds] = silhouette;
            if (silhouette >= options.MinSilhouette && !(silhouette <= bestSilhouette))
            {
                bestSilhouette = silhouette;
                bestCentroids = centroids;
            }
        }

        bestCentroids ??= MeanOf(points, fit.Length, d);
        var count = bestCentroids.Length / d;
        var guild = new int[workers];
        for (var w = 0; w < workers; w++)
        {
            guild[w] = answered[w] == 0 ? -1 : Nearest(values.AsSpan(w * d, d), bestCentroids, count, d).Index;
        }

        var original = new double[count][];
        for (var c = 0; c < count; c++)
        {
            original[c] = new double[d];
            for (var j = 0; j < d; j++)
            {
                original[c][j] = (bestCentroids[(c * d) + j] * scale[j]) + center[j];
            }
        }

        return new GuildAssignment(guild, names, original, silhouettes, options.MinGuilds, count == 1 ? double.NaN : bestSilhouette);
    }

    /// <summary>Centres each feature on its median over the fitting workers and scales it by 1.4826·MAD, in place; missing values become 0.</summary>
    private static (double[] Center, double[] Scale) Standardize(double[] values, int[] fit, int workers, int d)
    {
        var center = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            var column = fit.Select(w => values[(w * d) + j]).Where(double.IsFinite).ToArray();
            var (median, spread) = column.Length == 0 ? (0, 1) : Robust.MedianAndScale(column);
            center[j] = median;
            scale[j] = spread > 1e-12 ? spread : 1;
            for (var w = 0; w < workers; w++)
            {
                var v = values[(w * d) + j];
                values[(w * d) + j] = double.IsFinite(v) ? (v - median) / scale[j] : 0;
            }
        }

        return (center, scale);
    }

    private static double[] MeanOf(double[] points, int n, int d)
    {
        var mean = new double[d];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += points[(i * d) + j] / n;
            }
        }

        return mean;
    }
}
