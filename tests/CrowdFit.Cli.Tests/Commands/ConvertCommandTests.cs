namespace CrowdFit.Cli.Tests.Commands;

public sealed class ConvertCommandTests
{
    private const string Toloka =
        "INPUT:image\tOUTPUT:result\tGOLDEN:result\tASSIGNMENT:task_id\tASSIGNMENT:worker_id\tASSIGNMENT:status\tASSIGNMENT:started\tASSIGNMENT:submitted\r\n"
        + "http://i/1.jpg\tcat\tcat\tT1\tw1\tAPPROVED\t2021-03-01T10:00:00.123\t2021-03-01T10:00:04.000\r\n"
        + "http://i/1.jpg\t\tcat\tT1\tw2\tSKIPPED\t2021-03-01T10:01:00.000\t\r\n"
        + "http://i/2.jpg\t\"dog, big\"\t\tT2\tw2\tREJECTED\t2021-03-01T10:02:00.000\t2021-03-01T10:02:09.000\r\n";

    [Fact]
    public void Run_TolokaToCsvWithGold_WritesAnswersGoldAndReportsSkips()
    {
        using var folder = new TempFolder();
        var input = folder.Write("assignments.tsv", Toloka);

        var (code, stdout, stderr) = Cli.Run("convert", input, folder.File("answers.csv"), "--gold-out", folder.File("gold.csv"));

        Assert.Equal((0, string.Empty), (code, stderr));
        Assert.Equal(
            [
                "task,worker,label,started_at,submitted_at",
                "T1,w1,cat,2021-03-01T10:00:00.123Z,2021-03-01T10:00:04Z",
                "T2,w2,\"dog, big\",2021-03-01T10:02:00Z,2021-03-01T10:02:09Z",
            ],
            File.ReadAllLines(folder.File("answers.csv")));
        Assert.Equal(["task,label", "T1,cat"], File.ReadAllLines(folder.File("gold.csv")));
        Assert.Contains("read 3 rows", stdout, StringComparison.Ordinal);
        Assert.Contains("(toloka)", stdout, StringComparison.Ordinal);
        Assert.Contains("skipped 1: empty OUTPUT:result (status SKIPPED", stdout, StringComparison.Ordinal);
        Assert.Contains("first on line 3", stdout, StringComparison.Ordinal);
        Assert.Contains("columns carried: task, worker, label, started_at, submitted_at", stdout, StringComparison.Ordinal);
        Assert.Contains("wrote 1 gold labels", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CanonicalToJsonAndBack_SameLog()
    {
        using var folder = new TempFolder();
        var log = "task,worker,label,started_at,submitted_at,country\nt1,w1,\"a, b\",2024-01-01T10:00:00Z,2024-01-01T10:00:30Z,PL\nt1,7,c,,,DE\nt2,w1,c,,,\n";
        var input = folder.Write("log.csv", log);

        var (toCode, toOut, _) = Cli.Run("convert", input, folder.File("export.json"));
        var (backCode, _, _) = Cli.Run("convert", folder.File("export.json"), folder.File("back.csv"));

        Assert.Equal((0, 0), (toCode, backCode));
        Assert.Contains("dropped (no place in label-studio): country", toOut, StringComparison.Ordinal);
        Assert.Equal(
            ["task,worker,label,started_at,submitted_at", "t1,w1,\"a, b\",2024-01-01T10:00:00Z,2024-01-01T10:00:30Z", "t1,7,c,,", "t2,w1,c,,"],
            File.ReadAllLines(folder.File("back.csv")));
    }

    [Theory]
    [InlineData("mturk", "HITId,HITTypeId,Title,Reward,AssignmentId,WorkerId")]
    [InlineData("toloka", "INPUT:task\tOUTPUT:result")]
    [InlineData("crowd-kit", "task,worker,label")]
    public void Run_ToNamedFormat_WritesItWhateverTheExtension(string format, string headerStart)
    {
        using var folder = new TempFolder();
        var input = folder.Write("log.csv", "task,worker,label\nt1,w1,a\n");

        var (code, _, _) = Cli.Run("convert", input, folder.File("out.txt"), "--to", format);

        Assert.Equal(0, code);
        Assert.StartsWith(headerStart, File.ReadAllText(folder.File("out.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadInput_ExitsTwoNamingFileLineColumnAndWritesNothing()
    {
        using var folder = new TempFolder();
        var input = folder.Write("batch.csv", "HITId,AssignmentId,WorkerId,AcceptTime,Answer.label\nH1,A1,W1,Tue Mar 05 10:12:44 PST 2019,a\nH1,A2,W2,yesterday,b\n");

        var (code, stdout, stderr) = Cli.Run("convert", input, folder.File("out.csv"), "--gold-out", folder.File("gold.csv"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"crowdfit convert: {input}:3: column 'AcceptTime': expected a time such as 'Tue Mar 05 10:12:44 PST 2019'", stderr.Split(" (zone")[0]);
        Assert.Equal(["batch.csv"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("out.xlsx", null, "cannot tell the output format from the extension '.xlsx'")]
    [InlineData("out.csv", "excel", "--to: expected a format among")]
    public void Run_UnknownOutputFormat_ExitsTwo(string output, string? to, string message)
    {
        using var folder = new TempFolder();
        var input = folder.Write("log.csv", "task,worker,label\nt1,w1,a\n");
        string[] args = to is null ? ["convert", input, folder.File(output)] : ["convert", input, folder.File(output), "--to", to];

        var (code, _, stderr) = Cli.Run(args);

        Assert.Equal(2, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File(output)));
    }

    [Fact]
    public void Run_FromAndLabelColumn_ReadAsNamed()
    {
        using var folder = new TempFolder();
        var input = folder.Write("batch.txt", "HITId,AssignmentId,WorkerId,Answer.comment,Answer.mood.happy,Answer.mood.sad\nH1,A1,W1,nice,true,false\n");

        var (code, _, stderr) = Cli.Run("convert", input, folder.File("out.csv"), "--from", "mturk", "--label-column", "mood");
        var (csvCode, _, csvError) = Cli.Run("convert", folder.File("out.csv"), folder.File("again.csv"), "--label-column", "mood");

        Assert.Equal((0, string.Empty), (code, stderr));
        Assert.Equal(["task,worker,label", "H1,W1,happy"], File.ReadAllLines(folder.File("out.csv")));
        Assert.Equal(2, csvCode);
        Assert.Contains("--label-column applies to mturk and toloka", csvError, StringComparison.Ordinal);
    }
}
