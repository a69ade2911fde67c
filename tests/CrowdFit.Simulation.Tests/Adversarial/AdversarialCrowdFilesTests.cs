using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

public sealed class AdversarialCrowdFilesTests
{
    private static readonly string[] s_files = ["answers.csv", "gold.csv", Path.Combine("truth", "workers.csv"), Path.Combine("truth", "answers.csv")];

    [Fact]
    public void WriteTo_SameSeed_WritesIdenticalBytes()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.Platform.Scale(0.02) with { Seed = 11 };

        AdversarialCrowd.Generate(options).WriteTo(first.Path);
        AdversarialCrowd.Generate(options).WriteTo(second.Path);

        Assert.All(s_files, name => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, name)), File.ReadAllBytes(Path.Combine(second.Path, name))));
    }

    [Fact]
    public void WriteTo_DifferentSeed_WritesDifferentLogAndTruth()
    {
        using var first = new TemporaryDirectory();
        using var second = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.TimeTheft.Scale(0.3);

        AdversarialCrowd.Generate(options with { Seed = 1 }).WriteTo(first.Path);
        AdversarialCrowd.Generate(options with { Seed = 2 }).WriteTo(second.Path);

        Assert.All(s_files, name => Assert.NotEqual(File.ReadAllBytes(Path.Combine(first.Path, name)), File.ReadAllBytes(Path.Combine(second.Path, name))));
    }

    [Fact]
    public void WriteTo_Crowd_WritesTheFourFilesWithCanonicalHeaders()
    {
        using var directory = new TemporaryDirectory();
        var crowd = AdversarialCrowd.Generate(AdversarialCrowdOptions.TimeTheft.Scale(0.2));

        var written = crowd.WriteTo(directory.Path);

        Assert.Equal(s_files.Select(name => Path.Combine(directory.Path, name)), written);
        Assert.Equal(["answers.csv", "gold.csv"], directory.FileNames());
        Assert.Equal(["answers.csv", "workers.csv"], Directory.GetFiles(Path.Combine(directory.Path, "truth")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("task,worker,label,started_at,submitted_at,ip,device,country,payment_country,task_type,reward", AdversarialCrowd.AnswersHeader);
        Assert.Equal(AdversarialCrowd.AnswersHeader, File.ReadLines(written[0]).First());
        Assert.Equal("task,label", File.ReadLines(written[1]).First());
        Assert.Equal("worker,kind,group,accuracy,speed,payment_country,first_day,onset,answers", File.ReadLines(written[2]).First());
        Assert.Equal("task,worker,true_label,is_bad,attack", File.ReadLines(written[3]).First());
        Assert.Equal(crowd.AnswerCount + 1, File.ReadLines(written[0]).Count());
        Assert.Equal(crowd.GoldCount + 1, File.ReadLines(written[1]).Count());
        Assert.Equal(crowd.Options.Accounts + 1, File.ReadLines(written[2]).Count());
        Assert.Equal(crowd.AnswerCount + 1, File.ReadLines(written[3]).Count());
    }

    [Fact]
    public void WriteTo_TwiceIntoOneDirectory_ReplacesFilesAndLeavesNoTemporaries()
    {
        using var directory = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.TimeTheft.Scale(0.1);
        AdversarialCrowd.Generate(options with { Seed = 5 }).WriteTo(directory.Path);

        AdversarialCrowd.Generate(options with { Seed = 6 }).WriteTo(directory.Path);

        using var fresh = new TemporaryDirectory();
        AdversarialCrowd.Generate(options with { Seed = 6 }).WriteTo(fresh.Path);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh.Path, "answers.csv")), File.ReadAllBytes(Path.Combine(directory.Path, "answers.csv")));
        Assert.Empty(Directory.GetFiles(directory.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void WriteTo_Log_RowsAreInSubmitTimeOrderWithValuesFromTheOptions()
    {
        using var directory = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.TimeTheft.Scale(0.2);

        var log = CrowdLog.Write(options, directory.Path);

        var unixStart = options.Start.ToUnixTimeSeconds();
        var unixEnd = unixStart + (options.Days * 86_400.0);
        Assert.All(log.Rows.Zip(log.Rows.Skip(1)), pair => Assert.True(pair.First.Submitted <= pair.Second.Submitted));

        // Days are local: a worker east of UTC starts the first day before midnight UTC.
        Assert.All(log.Rows, r => Assert.InRange(r.Submitted, unixStart - 86_400, unixEnd + 86_400));
        Assert.All(log.Rows, r => Assert.True(r.Submitted >= r.Started));
        Assert.All(log.Rows, r => Assert.Contains(r.Label, options.Labels));
        Assert.All(log.Rows, r => Assert.Contains(r.TaskType, options.TaskTypes.Select(t => t.Name)));
        Assert.All(log.Rows, r => Assert.Equal(4, r.Ip.Split('.').Count(o => byte.TryParse(o, out _))));
        Assert.All(log.Rows, r => Assert.Matches("^d-[0-9a-f]{8}$", r.Device));
        Assert.All(log.Rows, r => Assert.Equal(log.Accounts[r.Worker].PaymentCountry, r.PaymentCountry));
    }

    [Fact]
    public void Generate_TimeTheft_HasThePresetsTasksAnswersAndAccounts()
    {
        using var directory = new TemporaryDirectory();
        var options = AdversarialCrowdOptions.TimeTheft;

        var crowd = AdversarialCrowd.Generate(options);
        crowd.WriteTo(directory.Path);

        var log = CrowdLog.Read(directory.Path);
        Assert.Equal(3_000, crowd.AnswerCount);
        Assert.Equal(3_000, log.Rows.Length);
        var perTask = log.Rows.GroupBy(r => r.Task).ToArray();
        Assert.Equal(1_000, perTask.Length);
        Assert.All(perTask, task => Assert.Equal(3, task.Select(r => r.Worker).Distinct(StringComparer.Ordinal).Count()));
        Assert.Equal(40, crowd.Accounts.Count);
        Assert.Equal(34, crowd.Accounts.Count(a => a.Kind == AdversaryKind.Honest));
        Assert.Equal(4, crowd.Accounts.Count(a => a.Kind == AdversaryKind.TimeThief));
        Assert.Equal(2, crowd.Accounts.Count(a => a.Kind == AdversaryKind.FastBot));
        Assert.Equal(crowd.Accounts.Select(a => (a.Id, a.Kind)), log.Accounts.Values.Select(a => (a.Id, a.Kind)));
        Assert.All(log.Accounts.Values, a => Assert.Equal(log.Rows.Count(r => r.Worker == a.Id), a.Answers));
        Assert.Equal(crowd.GoldCount, log.Gold.Count);
        Assert.InRange(crowd.GoldCount, 15, 50);
        Assert.Equal(crowd.BadAnswerCount, log.Rows.Count(r => r.IsBad));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Generate_Images_FiftyAccountsAndTenToFifteenPercentBadAnswers(long seed)
    {
        var crowd = AdversarialCrowd.Generate(AdversarialCrowdOptions.Images with { Seed = seed });

        var bad = (double)crowd.BadAnswerCount / crowd.AnswerCount;

        Assert.Equal(30_000, crowd.AnswerCount);
        Assert.Equal(50, crowd.Accounts.Count);
        Assert.Equal(41, crowd.Accounts.Count(a => a.Kind == AdversaryKind.Honest));
        Assert.Equal(3, crowd.Accounts.Count(a => a.Kind == AdversaryKind.Sleeper));
        Assert.Equal(2, crowd.Accounts.Count(a => a.Kind == AdversaryKind.GoldAware));
        Assert.InRange(bad, 0.10, 0.15);
    }

    [Fact]
    public void Generate_ScaledTenth_ShrinksTheCrowd()
    {
        var full = AdversarialCrowdOptions.Images;

        var crowd = AdversarialCrowd.Generate(full.Scale(0.1));

        Assert.Equal(3_000, crowd.AnswerCount);
        Assert.Equal(full.Scale(0.1).Accounts, crowd.Accounts.Count);
        Assert.InRange(crowd.Accounts.Count, 5, 15);
        Assert.Equal(3_000, crowd.Accounts.Sum(a => a.Answers));
    }

    [Fact]
    public void Accounts_IdsAreUniqueAndSaySomethingOnlyAboutOrder()
    {
        var crowd = AdversarialCrowd.Generate(AdversarialCrowdOptions.Platform.Scale(0.02));

        var ids = crowd.Accounts.Select(a => a.Id).ToArray();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());

        // Ids are dealt in random order, so the adversaries are not all at the end.
        var firstHonest = Array.FindIndex([.. crowd.Accounts], a => a.Kind == AdversaryKind.Honest);
        var firstAdversary = Array.FindIndex([.. crowd.Accounts], a => a.Kind != AdversaryKind.Honest);
        Assert.True(firstAdversary < crowd.Accounts.Count - 10, $"first adversary at {firstAdversary} of {crowd.Accounts.Count}");
        Assert.True(firstHonest >= 0);
    }
}
