using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class TolokaFormatTests
{
    private const string Header = "INPUT:text\tOUTPUT:result\tGOLDEN:result\tASSIGNMENT:task_id\tASSIGNMENT:worker_id\tASSIGNMENT:status\tASSIGNMENT:started\tASSIGNMENT:submitted";

    [Fact]
    public void ReadExport_Fixture_ExactRowsSkippedAndGold()
    {
        var contents = new TolokaFormat().ReadExport(Fixtures.Path("toloka-assignments.tsv"));

        Assert.Equal(
            [
                "2: 00001d3a0b--60b9 ; f3a1b2c4d5e6 ; cat ; 2021-03-01T10:00:00.123Z ; 2021-03-01T10:00:04.5Z ; 0.01",
                "3: 00001d3a0b--60b9 ; 0c9d8e7f6a5b ; dog ; 2021-03-01T10:01:00Z ; 2021-03-01T10:01:01.25Z ; 0.01",
                "4: 00001d3a0b--60ba ; f3a1b2c4d5e6 ; dog ; 2021-03-01T10:02:00Z ; 2021-03-01T10:02:07Z ; 0.01",
                "7: 00001d3a0b--60ba ; 77aa88bb99cc ; other ; 2021-03-01T10:05:00Z ; 2021-03-01T10:05:03Z ; 0.01",
            ],
            Fixtures.Rows(contents.Answers, "task", "worker", "label", "started_at", "submitted_at", "reward"));
        Assert.Equal(
            [
                new SkippedRows("empty OUTPUT:result (status SKIPPED: skipped or expired assignment)", 2, 5),
                new SkippedRows("empty OUTPUT:result (status EXPIRED: skipped or expired assignment)", 1, 6),
            ],
            contents.Skipped);
        Assert.Equal(3, contents.SkippedCount);
        Assert.Equal([new GoldLabel("00001d3a0b--60b9", "cat", 2)], contents.Gold);
    }

    [Fact]
    public void Read_ChosenOutput_TakesThatColumn()
    {
        var table = new TolokaFormat("comment").Read(Fixtures.Path("toloka-assignments.tsv"));

        Assert.Equal(["3: 00001d3a0b--60b9 ; looks like a \"puppy\""], Fixtures.Rows(table, "task", "label"));
    }

    [Fact]
    public void Read_NoTaskId_TaskIsTheInputsJoined()
    {
        using var files = new TempFiles();
        var path = files.Write("a.tsv", "INPUT:url\tINPUT:lang\tOUTPUT:ok\tASSIGNMENT:worker_id\n\"http://x/1\"\ten\tyes\tw1\nhttp://x/2\tde\tno\tw2\n");

        var table = new TolokaFormat().Read(path);

        Assert.Equal(["2: http://x/1|en ; w1 ; yes", "3: http://x/2|de ; w2 ; no"], Fixtures.Rows(table, "task", "worker", "label"));
    }

    [Theory]
    [InlineData("t\tyes\t\tT1\tw1\tSUBMITTED\t2021-03-01T10:00:00\t2021-02-30T10:00:00", 2, "ASSIGNMENT:submitted")]
    [InlineData("t\tyes\t\tT1\t\tSUBMITTED\t\t", 2, "ASSIGNMENT:worker_id")]
    [InlineData("t\tyes\tno\tT1\tw1\tSUBMITTED\t\t", 3, "GOLDEN:result")]
    [InlineData("t\tyes\t\"unclosed\tT1\tw1\tSUBMITTED\t\t", 2, "GOLDEN:result")]
    public void Read_BadRow_ErrorNamesLineAndColumn(string row, int line, string column)
    {
        using var files = new TempFiles();
        var first = line == 3 ? "t\tyes\tyes\tT1\tw2\tSUBMITTED\t\t\r\n" : string.Empty;
        var path = files.Write("a.tsv", $"{Header}\r\n{first}{row}\r\n");

        var error = Assert.Throws<AnswerFormatException>(() => new TolokaFormat().Read(path));

        Assert.Equal((path, line, column), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void Read_RaggedRow_ErrorNamesLine()
    {
        using var files = new TempFiles();
        var path = files.Write("a.tsv", $"{Header}\nt\tyes\t\tT1\tw1\tSUBMITTED\t\t\nt\tyes\tT1\tw1\n");

        var error = Assert.Throws<AnswerFormatException>(() => new TolokaFormat().Read(path));

        Assert.Equal(3, error.Line);
        Assert.Contains("expected 8 tab-separated fields", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("INPUT:x\tOUTPUT:y\tASSIGNMENT:task_id", "ASSIGNMENT:worker_id")]
    [InlineData("INPUT:x\tASSIGNMENT:worker_id", "OUTPUT:")]
    [InlineData("OUTPUT:y\tASSIGNMENT:worker_id", "ASSIGNMENT:task_id")]
    public void Read_MissingColumn_HeaderError(string header, string column)
    {
        using var files = new TempFiles();
        var path = files.Write("a.tsv", header + "\n");

        var error = Assert.Throws<AnswerFormatException>(() => new TolokaFormat().Read(path));

        Assert.Equal((1, column), (error.Line, error.Column));
    }

    [Fact]
    public void Write_LabelWithTabAndQuote_QuotedAndReadBack()
    {
        var table = new AnswerTable("log.csv");
        table.AddRow(2);
        table.Set(CanonicalColumns.Task, "t1");
        table.Set(CanonicalColumns.Worker, "w1");
        table.Set(CanonicalColumns.Label, "\"a\"\tb");
        table.Set(CanonicalColumns.SubmittedAt, "2021-03-01T10:00:04.5Z");
        using var files = new TempFiles();
        var path = files.PathOf("out.tsv");
        using (var stream = File.Create(path))
        {
            new TolokaFormat().Write(table, stream);
        }

        var text = File.ReadAllText(path);
        var back = new TolokaFormat().Read(path);

        Assert.Contains("t1\t\"\"\"a\"\"\tb\"\tt1\ta00000001\tw1\tSUBMITTED\t\t2021-03-01T10:00:04.500\t\n", text, StringComparison.Ordinal);
        Assert.Equal(["2: t1 ; w1 ; \"a\"\tb ; 2021-03-01T10:00:04.5Z"], Fixtures.Rows(back, "task", "worker", "label", "submitted_at"));
    }
}
