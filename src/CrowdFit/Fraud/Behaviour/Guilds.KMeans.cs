namespace CrowdFit.Fraud.Behaviour;

public static partial class Guilds
{
    /// <summary>The best of the restarts of k-means++ then Lloyd: centroids (k × d) and the guild of each point.</summary>
    private static (double[] Centroids, int[] Assignment) KMeans(double[] points, int n, int d, int k, GuildsOptions options, ref SeededRandom random)
    {
        double[] best = [];
        int[] bestAssignment = [];
        var bestInertia = double.PositiveInfinity;
        for (var start = 0; start < options.Restarts; start++)
        {
            var centroids = PlusPlus(points, n, d, k, ref random);
            var assignment = new int[n];
            Array.Fill(assignment, -1);
            var inertia = 0.0;
            for (var iteration = 0; iteration < options.MaxIterations; iteration++)
            {
                var changed = false;
                inertia = 0;
                for (var i = 0; i < n; i++)
                {
                    var (index, distance) = Nearest(points.AsSpan(i * d, d), centroids, k, d);
                    inertia += distance;
                    changed |= index != assignment[i];
                    assignment[i] = index;
                }

                if (!changed)
                {
                    break;
                }

                Recenter(points, assignment, n, d, centroids);
            }

            if (inertia < bestInertia)
            {
                bestInertia = inertia;
                best = centroids;
                bestAssignment = assignment;
            }
        }

        return (best, bestAssignment);
    }

    /// <summary>k-means++ seeding: the first centre uniformly, each next one with probability proportional to the squared distance to the nearest centre so far.</summary>
    private static double[] PlusPlus(double[] points, int n, int d, int k, ref SeededRandom random)
    {
        var centroids = new double[k * d];
        points.AsSpan(random.NextInt(n) * d, d).CopyTo(centroids);
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                nearest[i] = Math.Min(nearest[i], SquaredDistance(points.AsSpan(i * d, d), centroids.AsSpan((c - 1) * d, d)));
                total += nearest[i];
            }

            var chosen = n - 1;
            var u = random.NextDouble() * total;
            for (var i = 0; i < n; i++)
            {
                u -= nearest[i];
                if (u < 0)
                {
                    chosen = i;
                    break;
                }
            }

            points.AsSpan(chosen * d, d).CopyTo(centroids.AsSpan(c * d, d));
        }

        return centroids;
    }

    /// <summary>Moves every centroid to the mean of its points; a centroid left without points stays where it was.</summary>
    private static void Recenter(double[] points, int[] assignment, int n, int d, double[] centroids)
    {
        var k = centroids.Length / d;
        var sums = new double[k * d];
        var counts = new int[k];
        for (var i = 0; i < n; i++)
        {
            counts[assignment[i]]++;
            for (var j = 0; j < d; j++)
            {
                sums[(assignment[i] * d) + j] += points[(i * d) + j];
            }
        }

        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                continue;
            }

            for (var j = 0; j < d; j++)
            {
                centroids[(c * d) + j] = sums[(c * d) + j] / counts[c];
            }
        }
    }

    /// <summary>
    /// Mean silhouette (b − a) / max(a, b) over an evenly spaced sample of at most <paramref name="sample"/> points,
    /// a and b the mean distances to the point's own guild and to the nearest other guild (within the sample);
    /// a point alone in its guild counts 0. NaN with fewer than two guilds in the sample.
    /// </summary>
    private static double MeanSilhouette(double[] points, int[] assignment, int n, int d, int k, int sample)
    {
        var step = Math.Max(1, (n + sample - 1) / sample);
        var chosen = Enumerable.Range(0, n).Where(i => i % step == 0).ToArray();
        if (chosen.Select(i => assignment[i]).Distinct().Count() < 2)
        {
            return double.NaN;
        }

        var sum = 0.0;
        var sums = new double[k];
        var counts = new int[k];
        foreach (var i in chosen)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            foreach (var j in chosen)
            {
                if (j == i)
                {
                    continue;
                }

                sums[assignment[j]] += Math.Sqrt(SquaredDistance(points.AsSpan(i * d, d), points.AsSpan(j * d, d)));
                counts[assignment[j]]++;
            }

            var own = assignment[i];
            if (counts[own] == 0)
            {
                continue;
            }

            var a = sums[own] / counts[own];
            var b = double.PositiveInfinity;
            for (var c = 0; c < k; c++)
            {
                if (c != own && counts[c] > 0)
                {
                    b = Math.Min(b, sums[c] / counts[c]);
                }
            }

            sum += double.IsPositiveInfinity(b) ? 0 : (b - a) / Math.Max(Math.Max(a, b), 1e-12);
        }

        return sum / chosen.Length;
    }

    private static (int Index, double Distance) Nearest(ReadOnlySpan<double> point, double[] centroids, int k, int d)
    {
        var best = 0;
        var bestDistance = double.PositiveInfinity;
        for (var c = 0; c < k; c++)
        {
            var distance = SquaredDistance(point, centroids.AsSpan(c * d, d));
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = c;
            }
        }

        return (best, bestDistance);
    }

    private static double SquaredDistance(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        for (var j = 0; j < x.Length; j++)
        {
            var diff = x[j] - y[j];
            sum += diff * diff;
        }

        return sum;
    }
}
