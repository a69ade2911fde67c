using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

public sealed class AdversarialCrowdOptionsTests
{
    [Fact]
    public void TimeTheft_Preset_IsFortyWorkersOnAThousandTasks()
    {
        var options = AdversarialCrowdOptions.TimeTheft;

        Assert.Empty(options.Problems());
        Assert.Equal("timetheft", options.Name);
        Assert.Equal(1_000, options.Tasks);
        Assert.Equal(3, options.AnswersPerTask);
        Assert.Equal(34, options.Honest);
        Assert.Equal([(AdversaryKind.TimeThief, 4), (AdversaryKind.FastBot, 2)], options.Adversaries);
        Assert.Equal(40, options.Accounts);
        Assert.Equal(["transcribe", "tag"], options.TaskTypes.Select(t => t.Name));
    }

    [Fact]
    public void Images_Preset_IsFiftyFreelancersOnTenThousandImages()
    {
        var options = AdversarialCrowdOptions.Images;

        Assert.Empty(options.Problems());
        Assert.Equal(10_000, options.Tasks);
        Assert.Equal(3, options.AnswersPerTask);
        Assert.Equal(50, options.Accounts);
        Assert.Equal(41, options.Honest);
        Assert.Equal(
            [(AdversaryKind.UniformSpammer, 2), (AdversaryKind.ConstantSpammer, 1), (AdversaryKind.GoldAware, 2), (AdversaryKind.Sleeper, 3), (AdversaryKind.FastBot, 1)],
            options.Adversaries);
        Assert.Equal(5, options.Labels.Count);
    }

    [Fact]
    public void Platform_Preset_HasEveryAdversaryKindAndQuarterMillionAnswers()
    {
        var options = AdversarialCrowdOptions.Platform;

        Assert.Empty(options.Problems());
        Assert.Equal(2_400, options.Accounts);
        Assert.Equal(240_000, options.Tasks * options.AnswersPerTask);
        Assert.Equal(AdversaryKinds.All.Where(k => k != AdversaryKind.Honest), options.Adversaries.Select(a => a.Kind).Order());
        Assert.Equal(3, options.TaskTypes.Count);
        Assert.True(options.VpnShare > 0);
        Assert.True(options.NatShare > 0);
    }

    [Theory]
    [InlineData("timetheft")]
    [InlineData("Images")]
    [InlineData("PLATFORM")]
    public void Preset_AnyCase_ReturnsTheNamedPreset(string name)
    {
        var preset = AdversarialCrowdOptions.Preset(name);

        Assert.NotNull(preset);
        Assert.Equal(name.ToLowerInvariant(), preset.Name);
        Assert.Contains(preset.Name, AdversarialCrowdOptions.PresetNames);
    }

    [Fact]
    public void Preset_UnknownName_ReturnsNull()
    {
        Assert.Null(AdversarialCrowdOptions.Preset("moon"));
        Assert.Null(AdversarialCrowdOptions.Preset(""));
    }

    [Fact]
    public void Scale_Tenth_ShrinksTasksAndAccountsAndKeepsGroupsWhole()
    {
        var platform = AdversarialCrowdOptions.Platform;

        var small = platform.Scale(0.1);

        Assert.Empty(small.Problems());
        Assert.Equal(6_000, small.Tasks);
        Assert.Equal(213, small.Honest);
        Assert.Equal(platform.AnswersPerTask, small.AnswersPerTask);
        Assert.Equal(platform.Adversaries.Select(a => a.Kind), small.Adversaries.Select(a => a.Kind));
        Assert.Equal(3, small.Adversaries.Single(a => a.Kind == AdversaryKind.UniformSpammer).Accounts);
        Assert.Equal(5, small.Adversaries.Single(a => a.Kind == AdversaryKind.Ring).Accounts);
        Assert.Equal(8, small.Adversaries.Single(a => a.Kind == AdversaryKind.AccountFarm).Accounts);
        Assert.True(small.Accounts < platform.Accounts / 5);
    }

    [Fact]
    public void Scale_Tiny_KeepsEnoughAccountsAndOneOfEachAdversary()
    {
        var images = AdversarialCrowdOptions.Images.Scale(0.01);

        Assert.Empty(images.Problems());
        Assert.Equal(100, images.Tasks);
        Assert.Equal(images.AnswersPerTask, images.Honest);
        Assert.All(images.Adversaries, a => Assert.Equal(1, a.Accounts));
    }

    [Fact]
    public void Scale_Larger_GrowsRingsInNumberNotSize()
    {
        var options = AdversarialCrowdOptions.Platform with { Adversaries = [(AdversaryKind.Ring, 10)] };

        var scaled = options.Scale(2.2);

        Assert.Equal(20, scaled.Adversaries.Single().Accounts);
        Assert.Equal(options.RingSize, scaled.RingSize);
        Assert.Equal(132_000, scaled.Tasks);
    }

    [Fact]
    public void Scale_One_KeepsTheOptions()
    {
        var images = AdversarialCrowdOptions.Images;

        var same = images.Scale(1);

        Assert.Equal((images.Tasks, images.Honest, images.Accounts), (same.Tasks, same.Honest, same.Accounts));
        Assert.Equal(images.Adversaries, same.Adversaries);
    }

    [Fact]
    public void Problems_DefaultOptions_None()
    {
        Assert.Empty(new AdversarialCrowdOptions().Problems());
    }

    [Fact]
    public void Problems_ManyBadSettings_ReportsEachOnce()
    {
        var options = new AdversarialCrowdOptions
        {
            Tasks = 0,
            AnswersPerTask = 0,
            Labels = ["a", "a"],
            TaskTypes = [new("label", 0, 0.02, 0)],
            GoldShare = 1,
            Days = 0,
            VpnShare = 0.7,
            NatShare = 0.5,
            HonestMinAccuracy = 0.99,
        };

        var problems = options.Problems();

        Assert.Equal(8, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Tasks must be at least 1 (was 0)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AnswersPerTask", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Labels", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TaskTypes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("GoldShare must be in [0, 1) (was 1)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Days", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("VpnShare", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("HonestMinAccuracy must be in (0, 0.98) (was 0.99)", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ClassWeightsOfWrongLength_Reported()
    {
        var options = new AdversarialCrowdOptions { ClassWeights = [1, 2] };

        var problem = Assert.Single(options.Problems());

        Assert.StartsWith("ClassWeights", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_AllZeroOrNegativeClassWeights_Reported()
    {
        Assert.Single(new AdversarialCrowdOptions { ClassWeights = [0, 0, 0, 0] }.Problems());
        Assert.Single(new AdversarialCrowdOptions { ClassWeights = [1, 1, -1, 1] }.Problems());
        Assert.Single(new AdversarialCrowdOptions { ClassWeights = [1, 1, double.NaN, 1] }.Problems());
    }

    [Fact]
    public void Problems_PartialRingAndNegativeCount_NameTheKindAndGroupSize()
    {
        var options = new AdversarialCrowdOptions { Adversaries = [(AdversaryKind.Ring, 7), (AdversaryKind.FastBot, -1)] };

        var problems = options.Problems();

        Assert.Equal(2, problems.Count);
        Assert.Contains("ring accounts (7)", problems[0], StringComparison.Ordinal);
        Assert.Contains("group size 5", problems[0], StringComparison.Ordinal);
        Assert.Contains("fast-bot accounts (-1)", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_GroupSizeOne_Reported()
    {
        var options = new AdversarialCrowdOptions { FarmSize = 1 };

        Assert.Contains(options.Problems(), p => p.StartsWith("RingSize and FarmSize", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_TooFewIndependentAccounts_Reported()
    {
        // One honest worker and a ring of five: the followers only copy, so two accounts answer on their own.
        var options = new AdversarialCrowdOptions { Honest = 1, AnswersPerTask = 3, Adversaries = [(AdversaryKind.Ring, 5)] };

        var problem = Assert.Single(options.Problems());

        Assert.Contains("independent accounts", problem, StringComparison.Ordinal);
        Assert.Empty((options with { Honest = 2 }).Problems());
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new AdversarialCrowdOptions { Tasks = 0, Days = 0 };

        var error = Assert.Throws<ArgumentException>(() => AdversarialCrowd.Generate(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("Tasks must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("Days must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
