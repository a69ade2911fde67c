using CrowdFit.Live;

namespace CrowdFit.Tests.Live;

/// <summary>A worker's standing after a re-estimation on a seeded crowd of 16 honest workers (accuracy 0.70 to 0.95) and 4 uniform spammers.</summary>
public sealed class LiveProjectWorkerStandingTests
{
    [Fact]
    public void WorkerStanding_BeforeTheFirstReEstimation_DefaultAccuracyOverTheWholeRange()
    {
        var project = new LiveProject(new LiveProjectOptions { Labels = LiveCrowd.Labels, RefitEvery = 1_000_000 });

        var standing = project.WorkerStanding("w00");

        Assert.Equal(0, standing.ModelVersion);
        Assert.Equal(project.Options.Skills.DefaultAccuracy, standing.Skill.Mean);
        Assert.Equal((0.0, 1.0), (standing.Skill.Low, standing.Skill.High));
        Assert.Null(standing.FlagReason);
        Assert.Equal(0, standing.AnswersSeen);
    }

    [Fact]
    public void WorkerStanding_AfterReEstimation_RanksHonestWorkersAndFlagsSpammers()
    {
        var (project, crowd) = Run(11);

        var worst = project.WorkerStanding(crowd.Workers[0]);
        var best = project.WorkerStanding(crowd.Workers[15]);
        var spammer = project.WorkerStanding(crowd.Spammers[0]);

        Assert.Equal(1, best.ModelVersion);
        Assert.True(best.Skill.Mean > worst.Skill.Mean + 0.1, $"{best.Skill.Mean} vs {worst.Skill.Mean}");
        Assert.InRange(best.Skill.Mean, best.Skill.Low, best.Skill.High);
        Assert.True(best.Skill.High - best.Skill.Low < 0.3, $"[{best.Skill.Low}, {best.Skill.High}]");
        Assert.Null(best.FlagReason);
        Assert.True(best.AnswersSeen > 50);
        Assert.NotNull(spammer.FlagReason);
        Assert.True(spammer.Risk > best.Risk, $"spammer {spammer.Risk}, best {best.Risk}");
    }

    [Fact]
    public void WorkerStanding_UnknownWorkerAndType_CrowdMeanWithoutAnswers()
    {
        var (project, _) = Run(11);

        var newcomer = project.WorkerStanding("nobody");
        var otherType = project.WorkerStanding("w03", "audio");

        Assert.Equal(0, newcomer.AnswersSeen);
        Assert.Null(newcomer.FlagReason);
        Assert.Equal(0, newcomer.Risk);
        Assert.InRange(newcomer.Skill.Mean, 0.6, 0.95);
        Assert.Equal("audio", otherType.TaskType);
        Assert.Equal(project.Options.Skills.DefaultAccuracy, otherType.Skill.Mean);
    }

    [Fact]
    public void WorkerStanding_EmptyId_Throws()
    {
        var project = new LiveProject(new LiveProjectOptions { Labels = LiveCrowd.Labels });

        Assert.Throws<ArgumentException>(() => project.WorkerStanding(""));
    }

    private static (LiveProject Project, LiveCrowd Crowd) Run(int seed)
    {
        var crowd = new LiveCrowd(seed, tasks: 400);
        var project = new LiveProject(new LiveProjectOptions { Labels = LiveCrowd.Labels, RefitEvery = 1_000_000 });
        crowd.AddTasks(project);
        foreach (var (task, worker, label) in crowd.Log(perTask: 5))
        {
            project.Submit(task, worker, label);
        }

        project.Refit();
        return (project, crowd);
    }
}
