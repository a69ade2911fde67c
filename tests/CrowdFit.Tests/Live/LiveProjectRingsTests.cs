using CrowdFit.Live;

namespace CrowdFit.Tests.Live;

/// <summary>
/// The rings a re-estimation keeps: a seeded crowd of 16 honest workers (accuracy 0.70 to 0.95) on three labels,
/// with or without a ring of three accounts in which two copy the labels of a careless leader.
/// </summary>
public sealed class LiveProjectRingsTests
{
    private static readonly string[] s_labels = ["a", "b", "c"];
    private static readonly string[] s_ring = ["r0", "r1", "r2"];

    [Fact]
    public void Rings_CopyingRing_FoundWithWorkerIdsAndEvidence()
    {
        var project = Run(seed: 3, ring: true);

        var rings = project.Rings;

        Assert.True(rings.Searched);
        Assert.Equal(project.ModelVersion, rings.ModelVersion);
        var ring = Assert.Single(rings.Rings);
        Assert.Equal(1, ring.Id);
        Assert.Equal(s_ring, ring.Workers);
        Assert.Equal(ring.Workers.Count, ring.Evidence.Count);
        Assert.All(ring.Evidence, e => Assert.Contains("wrong answers", e, StringComparison.Ordinal));
        Assert.InRange(ring.PValue, 0, 0.001);
    }

    [Fact]
    public void Rings_CleanCrowd_SearchedAndEmpty()
    {
        var project = Run(seed: 3, ring: false);

        var rings = project.Rings;

        Assert.True(rings.Searched);
        Assert.Equal(1, rings.ModelVersion);
        Assert.Empty(rings.Rings);
    }

    [Fact]
    public void Rings_BeforeTheFirstReEstimation_NotSearched()
    {
        var project = new LiveProject(new LiveProjectOptions { Labels = s_labels, RefitEvery = 1_000_000 });
        project.AddTask("t0");
        project.Submit("t0", "w00", "a");

        var rings = project.Rings;

        Assert.Equal(new LiveRings(0, false, []), rings with { Rings = [] });
        Assert.Empty(rings.Rings);
    }

    [Fact]
    public void Rings_DetectorsOff_NotSearched()
    {
        var project = Run(seed: 3, ring: true, detectors: false);

        var rings = project.Rings;

        Assert.Equal(1, rings.ModelVersion);
        Assert.False(rings.Searched);
        Assert.Empty(rings.Rings);
    }

    [Fact]
    public void Rings_SameSeedTwice_IdenticalRings()
    {
        var first = Run(seed: 5, ring: true).Rings;
        var second = Run(seed: 5, ring: true).Rings;

        Assert.Equal(first.Rings.Count, second.Rings.Count);
        for (var i = 0; i < first.Rings.Count; i++)
        {
            Assert.Equal(first.Rings[i].Workers, second.Rings[i].Workers);
            Assert.Equal(first.Rings[i].Evidence, second.Rings[i].Evidence);
            Assert.Equal(first.Rings[i].PValue, second.Rings[i].PValue);
        }
    }

    /// <summary>
    /// 200 tasks, each answered by four honest workers; the leader r0 (accuracy 0.6) joins half of them and each
    /// copier joins the leader's tasks with probability 0.6, giving the leader's label nine times in ten.
    /// </summary>
    private static LiveProject Run(int seed, bool ring, bool detectors = true)
    {
        var random = new Random(seed);
        var project = new LiveProject(new LiveProjectOptions { Labels = s_labels, RefitEvery = 1_000_000, Detectors = detectors });
        const int Honest = 16;
        var accuracy = Enumerable.Range(0, Honest).Select(w => 0.7 + (0.25 * w / (Honest - 1))).ToArray();
        for (var t = 0; t < 200; t++)
        {
            var task = $"t{t:000}";
            var truth = random.Next(s_labels.Length);
            project.AddTask(task);
            var chosen = new SortedSet<int>();
            while (chosen.Count < 4)
            {
                chosen.Add(random.Next(Honest));
            }

            foreach (var w in chosen)
            {
                project.Submit(task, $"w{w:00}", s_labels[Label(random, truth, accuracy[w])]);
            }

            if (random.NextDouble() >= 0.5)
            {
                continue;
            }

            var lead = Label(random, truth, 0.6);
            project.Submit(task, s_ring[0], s_labels[lead]);
            foreach (var copier in s_ring.Skip(1))
            {
                if (random.NextDouble() < 0.6)
                {
                    var label = !ring ? Label(random, truth, 0.6) : random.NextDouble() < 0.9 ? lead : random.Next(s_labels.Length);
                    project.Submit(task, copier, s_labels[label]);
                }
            }
        }

        project.Refit();
        return project;
    }

    private static int Label(Random random, int truth, double accuracy)
    {
        if (random.NextDouble() < accuracy)
        {
            return truth;
        }

        var wrong = random.Next(s_labels.Length - 1);
        return wrong >= truth ? wrong + 1 : wrong;
    }
}
