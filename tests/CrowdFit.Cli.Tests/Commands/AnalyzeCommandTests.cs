using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Cli.Tests.Commands;

public sealed class AnalyzeCommandTests
{
    /// <summary>Thirty honest workers, one constant spammer and one uniform spammer on 600 tasks with every column.</summary>
    private static readonly AdversarialCrowdOptions s_crowd = new()
    {
        Seed = 4,
        Tasks = 600,
        AnswersPerTask = 3,
        Days = 5,
        GoldShare = 0.05,
        Honest = 30,
        Adversaries = [(AdversaryKind.ConstantSpammer, 1), (AdversaryKind.UniformSpammer, 1)],
    };

    [Fact]
    public void Run_SimulatedLog_WritesTheFourFilesAndFlagsTheConstantSpammer()
    {
        using var folder = new TempFolder();
        var crowd = Simulate(folder);
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", Path.Combine(crowd, "answers.csv"), "--gold", Path.Combine(crowd, "gold.csv"), "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 1,800 answers: 600 tasks, 32 workers, 4 labels", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote labels.csv, workers.csv, flags.csv, rings.csv, pay.csv", stdout, StringComparison.Ordinal);
        Assert.Matches(@"pay: [\d,.]+ h of work, [\d,.]+ paid, [\d,.]+/h overall; \d+ of 32 workers under the floor 7\.25/h", stdout);
        Assert.Matches(@"operations: agreement [\d.]+ %, gold pass [\d.]+ %, first answer overturned on [\d.]+ % of tasks, \d+ answers beyond the first per 100 tasks", stdout);
        Assert.Matches(@"drift: \d+ windows by day, \d+ alerts", stdout);
        Assert.Matches(@"cohorts by country: \d+, \d+ flagged more often than the difficulty of their tasks explains", stdout);
        var pay = File.ReadAllLines(Path.Combine(output, "pay.csv"));
        Assert.Equal("worker,task_type,answers,paid,hours,hourly_pay,below_floor,shortfall", pay[0]);
        Assert.Equal(32, pay.Skip(1).Count(line => line.Split(',')[1].Length == 0));
        Assert.Equal("task,label,confidence,p_a,p_b,p_c,p_d", File.ReadLines(Path.Combine(output, "labels.csv")).First());
        Assert.Equal(601, File.ReadLines(Path.Combine(output, "labels.csv")).Count());
        Assert.Equal("task,worker,fraud_probability,p_value,reasons", File.ReadLines(Path.Combine(output, "flags.csv")).First());
        Assert.Equal("ring,worker,evidence", File.ReadLines(Path.Combine(output, "rings.csv")).First());

        var workers = File.ReadAllLines(Path.Combine(output, "workers.csv"));
        Assert.StartsWith("worker,fraud_probability,flagged,reasons,p_value,onset,answers,", workers[0], StringComparison.Ordinal);
        Assert.Equal(33, workers.Length);
        var kinds = Kinds(crowd);
        var constant = kinds.Single(k => k.Value == AdversaryKind.ConstantSpammer).Key;
        var row = Assert.Single(workers, line => line.StartsWith(constant + ",", StringComparison.Ordinal));
        Assert.Equal("1", Field(row, 2));
        Assert.NotEqual(string.Empty, Field(row, 3));
        Assert.Contains(constant + ":", stdout, StringComparison.Ordinal);
        Assert.Contains(File.ReadLines(Path.Combine(output, "flags.csv")).Skip(1), line => line.Split(',')[1] == constant);

        var honestFlagged = workers.Skip(1).Count(line => kinds[line.Split(',')[0]] == AdversaryKind.Honest && Field(line, 2) == "1");
        Assert.True(honestFlagged <= 6, $"{honestFlagged} of 30 honest workers flagged");
    }

    [Fact]
    public void Run_BadPayFloor_ExitsTwoNamingTheOption()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\n");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--pay-floor", "0", "--out", folder.File("out"));

        Assert.Equal(2, code);
        Assert.Contains("--pay-floor must be a positive number (was 0)", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public void Run_TaskWorkerLabelOnly_RunsAndSaysWhichDetectorsSkippedAndWhy()
    {
        using var folder = new TempFolder();
        var crowd = Simulate(folder);
        var answers = folder.Write("plain.csv", string.Join('\n', File.ReadLines(Path.Combine(crowd, "answers.csv")).Select(line => string.Join(',', line.Split(',')[..3]))) + "\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", answers, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("read 1,800 answers: 600 tasks, 32 workers, 4 labels, 0 gold", stdout, StringComparison.Ordinal);
        Assert.Contains("  time-theft: skipped, needs started_at and submitted_at", stdout, StringComparison.Ordinal);
        Assert.Contains("  pace: skipped, needs submitted_at", stdout, StringComparison.Ordinal);
        Assert.Contains("  honeypots: skipped, needs gold", stdout, StringComparison.Ordinal);
        Assert.Contains("  shared-account: skipped, needs ", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("spam-state: skipped", stdout, StringComparison.Ordinal);
        Assert.All(["labels.csv", "workers.csv", "flags.csv", "rings.csv"], name => Assert.True(File.Exists(Path.Combine(output, name)), name));
        Assert.Contains("pay: not measured, the log has only the required columns", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("drift:", stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "pay.csv")));

        // Labels alone still give the constant spammer away.
        var constant = Kinds(crowd).Single(k => k.Value == AdversaryKind.ConstantSpammer).Key;
        var row = Assert.Single(File.ReadLines(Path.Combine(output, "workers.csv")), line => line.StartsWith(constant + ",", StringComparison.Ordinal));
        Assert.Equal("1", Field(row, 2));
        Assert.Equal(string.Empty, Field(row, 10));
    }

    [Fact]
    public void Run_MalformedLog_ExitsTwoNamingFileAndLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("broken.csv", "task,worker,label,submitted_at\nt1,w1,cat,2026-03-02T10:00:00Z\nt1,w2,dog\nt2,w1,cat,2026-03-02T10:01:00Z\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", answers, "--out", output);

        Assert.Equal(2, code);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("crowdfit analyze: ", stderr, StringComparison.Ordinal);
        Assert.Contains("broken.csv:3", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
        Assert.DoesNotContain("wrote", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadTimestamp_ExitsTwoNamingLineAndColumn()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("times.csv", "task,worker,label,submitted_at\nt1,w1,cat,2026-03-02T10:00:00Z\nt1,w2,dog,yesterday\n");
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("times.csv:3", stderr, StringComparison.Ordinal);
        Assert.Contains("submitted_at", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_MissingGoldFile_ExitsTwoNamingIt()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,dog\n");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--gold", folder.File("nogold.csv"), "--out", folder.File("out"));

        Assert.Equal(2, code);
        Assert.Contains("nogold.csv", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("0")]
    [InlineData("-0.1")]
    public void Run_FalsePositiveRateOutOfRange_ExitsTwoNamingTheOptionOnce(string fpr)
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,dog\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", answers, "--out", output, "--fpr", fpr);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("crowdfit analyze: --fpr must be in (0, 0.5]", stderr, StringComparison.Ordinal);
        Assert.Contains(fpr, stderr, StringComparison.Ordinal);
        Assert.Equal(1, Occurrences(stderr, "--fpr"));
        Assert.DoesNotContain("FalsePositiveRate", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_UnknownMethod_ExitsTwoNamingTheOption()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,cat\nt1,w2,dog\n");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--out", folder.File("out"), "--method", "best");

        Assert.Equal(2, code);
        Assert.Contains("--method", stderr, StringComparison.Ordinal);
        Assert.Contains("'best'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("TruthMethod", stderr, StringComparison.Ordinal);
    }

    /// <summary>Writes <see cref="s_crowd"/> into a folder and returns its path.</summary>
    [Fact]
    public void Run_RiskPolicyHighType_EveryTaskToExpertReview()
    {
        using var folder = new TempFolder();
        var crowd = Simulate(folder);
        var types = File.ReadLines(Path.Combine(crowd, "answers.csv")).Skip(1).Select(line => line.Split(',')[9]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var risk = folder.Write("risk.json", $$"""{"task_types": {"{{types[0]}}": "high"}, "default": "low"}""");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", Path.Combine(crowd, "answers.csv"), "--risk", risk, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Single(types);
        Assert.Contains("review: high 600 tasks by expert-review, 600 to review (100.0 %)", stdout, StringComparison.Ordinal);
        var rows = File.ReadLines(Path.Combine(output, "review.csv")).Skip(1).Select(line => line.Split(',')).ToArray();
        Assert.Equal(600, rows.Length);
        Assert.All(rows, r => Assert.Equal((types[0], "high", "expert-review", "yes"), (r[1], r[2], r[3], r[4])));
    }

    [Fact]
    public void Run_BadRiskPolicy_ExitsTwoNamingTheFileAndLineAndWritesNothing()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label\nt1,w1,a\nt1,w2,a\n");
        var risk = folder.Write("risk.json", "{\n  \"default\": \"extreme\"\n}\n");
        var output = folder.File("out");

        var (code, _, stderr) = Cli.Run("analyze", answers, "--risk", risk, "--out", output);

        Assert.Equal(2, code);
        Assert.Contains("risk.json:2", stderr, StringComparison.Ordinal);
        Assert.Contains("default", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Run_TolokaExport_ReadsItAndReportsAbandonedAssignments()
    {
        using var folder = new TempFolder();
        var export = folder.Write(
            "assignments.tsv",
            "INPUT:image\tOUTPUT:result\tASSIGNMENT:task_id\tASSIGNMENT:worker_id\tASSIGNMENT:status\tASSIGNMENT:started\tASSIGNMENT:submitted\n"
            + "i1\tcat\tT1\tw1\tAPPROVED\t2021-03-01T10:00:00\t2021-03-01T10:00:04\n"
            + "i1\tcat\tT1\tw2\tAPPROVED\t2021-03-01T10:01:00\t2021-03-01T10:01:05\n"
            + "i1\t\tT1\tw3\tEXPIRED\t2021-03-01T10:02:00\t\n"
            + "i2\tdog\tT2\tw1\tAPPROVED\t2021-03-01T10:03:00\t2021-03-01T10:03:06\n");
        var output = folder.File("out");

        var (code, stdout, stderr) = Cli.Run("analyze", export, "--out", output);

        Assert.Equal((0, string.Empty), (code, stderr));
        Assert.Contains("read 3 answers: 2 tasks, 2 workers, 2 labels", stdout, StringComparison.Ordinal);
        Assert.Contains("abandonment: 1 of 4 assignments ended without an answer (25.0 %): 1 empty OUTPUT:result", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CanonicalLog_SaysAbandonmentIsNotMeasured()
    {
        using var folder = new TempFolder();
        var answers = folder.Write("a.csv", "task,worker,label,submitted_at\nt1,w1,a,2024-01-01T10:00:00Z\nt1,w2,a,2024-01-01T10:01:00Z\n");

        var (code, stdout, _) = Cli.Run("analyze", answers, "--out", folder.File("out"));

        Assert.Equal(0, code);
        Assert.Contains("abandonment: not measured, the log holds submitted answers only", stdout, StringComparison.Ordinal);
    }

    private static string Simulate(TempFolder folder)
    {
        var directory = folder.File("crowd");
        AdversarialCrowd.Generate(s_crowd).WriteTo(directory);
        return directory;
    }

    /// <summary>The kind of every account, from the truth beside the log.</summary>
    private static Dictionary<string, AdversaryKind> Kinds(string crowd) =>
        File.ReadLines(Path.Combine(crowd, "truth", "workers.csv")).Skip(1).Select(line => line.Split(','))
            .ToDictionary(f => f[0], f => AdversaryKinds.Parse(f[1]) ?? throw new FormatException(f[1]), StringComparer.Ordinal);

    /// <summary>Field <paramref name="index"/> of a CSV line (RFC 4180 quoting).</summary>
    private static string Field(string line, int index)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields[index];
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
