using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class MTurkFormatTests
{
    private const string Header = "HITId,HITTypeId,Title,Reward,AssignmentId,WorkerId,AssignmentStatus,AcceptTime,SubmitTime";

    [Fact]
    public void Read_TextAnswerFixture_ExactRows()
    {
        var table = new MTurkFormat().Read(Fixtures.Path("mturk-batch-text.csv"));

        Assert.Equal(
            [
                "2: 3VDI8GSXAFF0HIT01 ; A1B2C3D4E5F6G7 ; Kitchen, Dining ; 2019-03-05T18:12:01Z ; 2019-03-05T18:12:44Z ; 0.05 ; 3TQZ9EXAMPLETYPE01 ; Categorize a product",
                "4: 3VDI8GSXAFF0HIT01 ; AZ9Y8X7W6V5U4T ; Toys ; 2019-03-05T18:13:10Z ; 2019-03-05T18:13:12Z ; 0.05 ; 3TQZ9EXAMPLETYPE01 ; Categorize a product",
                "6: 3VDI8GSXAFF0HIT02 ; A1B2C3D4E5F6G7 ; Toys ; 2019-03-11T06:59:30Z ; 2019-03-11T07:00:15Z ; 0.05 ; 3TQZ9EXAMPLETYPE01 ; Categorize a product",
                "7: 3VDI8GSXAFF0HIT02 ; A3QRSTUVWXYZ12 ; Toys ; 2019-03-11T18:00:00Z ; 2019-03-11T18:01:30Z ; 0.05 ; 3TQZ9EXAMPLETYPE01 ; Categorize a product",
            ],
            Fixtures.Rows(table, "task", "worker", "label", "started_at", "submitted_at", "reward", "task_type", "project"));
        Assert.Equal(["task", "worker", "label", "started_at", "submitted_at", "task_type", "reward", "project"], table.ColumnNames);
    }

    [Fact]
    public void Read_OptionFlagsFixture_LabelIsTheOptionSet()
    {
        var table = new MTurkFormat().Read(Fixtures.Path("mturk-batch-options.csv"));

        Assert.Equal(
            [
                "2: HIT100 ; W1 ; positive ; 2019-01-10T08:00:00Z ; 2019-01-10T08:00:20Z ; 0.02 ; TYPE7",
                "3: HIT100 ; W2 ; negative ; 2019-01-10T09:00:00Z ; 2019-01-10T09:00:05Z ; 0.02 ; TYPE7",
                "4: HIT101 ; W1 ; neutral ; 2019-01-10T14:01:00Z ; 2019-01-10T14:01:40Z ; 0.02 ; TYPE7",
            ],
            Fixtures.Rows(table, "task", "worker", "label", "started_at", "submitted_at", "reward", "task_type"));
    }

    [Fact]
    public void Read_NoHitTypeId_TaskTypeFromTitle()
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", "HITId,Title,AssignmentId,WorkerId,Answer.label\nH1,Spot the bird,A1,W1,yes\n");

        var table = new MTurkFormat().Read(path);

        Assert.Equal(["2: H1 ; W1 ; yes ; Spot the bird ; Spot the bird"], Fixtures.Rows(table, "task", "worker", "label", "task_type", "project"));
    }

    [Theory]
    [InlineData("H1,T,x,$0.05,A1,W1,Approved,Tue Mar 05 10:12:44 PST 2019,Tue Mar 05 10:12:50 XYZ 2019,a", 2, "SubmitTime")]
    [InlineData("H1,T,x,$0.05,A1,W1,Approved,Tue Mar 32 10:12:44 PST 2019,,a", 2, "AcceptTime")]
    [InlineData("H1,T,x,five cents,A1,W1,Approved,,,a", 2, "Reward")]
    [InlineData("H1,T,x,$0.05,A1,,Approved,,,a", 2, "WorkerId")]
    [InlineData("H1,T,x,$0.05,A1,W1,Approved,,,", 2, "Answer.label")]
    public void Read_BadCell_ErrorNamesLineAndColumn(string row, int line, string column)
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", $"{Header},Answer.label\r\n{row}\r\n");

        var error = Assert.Throws<AnswerFormatException>(() => new MTurkFormat().Read(path));

        Assert.Equal((path, line, column), (error.FilePath, error.Line, error.Column));
    }

    [Theory]
    [InlineData("false,false,false", "Answer.q.*", "found none")]
    [InlineData("true,false,on", "Answer.q.c", "found two: 'Answer.q.a' and 'Answer.q.c'")]
    [InlineData("true,maybe,false", "Answer.q.b", "found 'maybe'")]
    public void Read_OptionsNotExactlyOne_ErrorNamesLineAndColumn(string flags, string column, string detail)
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", $"HITId,AssignmentId,WorkerId,Answer.q.a,Answer.q.b,Answer.q.c\nH1,A1,W1,false,true,false\nH2,A2,W1,{flags}\n");

        var error = Assert.Throws<AnswerFormatException>(() => new MTurkFormat().Read(path));

        Assert.Equal((3, column), (error.Line, error.Column));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoAnswerColumn_HeaderError()
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", "HITId,AssignmentId,WorkerId,Input.text\nH1,A1,W1,hello\n");

        var error = Assert.Throws<AnswerFormatException>(() => new MTurkFormat().Read(path));

        Assert.Equal((1, "Answer.*"), (error.Line, error.Column));
    }

    [Fact]
    public void Read_SeveralAnswerColumns_AskForOneThenReadsTheChosen()
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", "HITId,AssignmentId,WorkerId,Answer.label,Answer.comment\nH1,A1,W1,cat,\"fluffy, grey\"\n");

        var error = Assert.Throws<AnswerFormatException>(() => new MTurkFormat().Read(path));
        var chosen = new MTurkFormat("comment").Read(path);
        var byFullName = new MTurkFormat("Answer.label").Read(path);

        Assert.Contains("--label-column", error.Message, StringComparison.Ordinal);
        Assert.Equal("fluffy, grey", chosen.Text(0, CanonicalColumns.Label));
        Assert.Equal("cat", byFullName.Text(0, CanonicalColumns.Label));
    }

    [Fact]
    public void Read_ChosenOptionGroup_AmongOtherAnswers()
    {
        using var files = new TempFiles();
        var path = files.Write("b.csv", "HITId,AssignmentId,WorkerId,Answer.comment,Answer.mood.happy,Answer.mood.sad\nH1,A1,W1,nice,,on\n");

        var table = new MTurkFormat("mood").Read(path);

        Assert.Equal("sad", table.Text(0, CanonicalColumns.Label));
    }

    [Fact]
    public void Write_Answers_PlausibleBatchFile()
    {
        var table = new AnswerTable("log.csv");
        table.AddRow(2);
        table.Set(CanonicalColumns.Task, "t1");
        table.Set(CanonicalColumns.Worker, "w1");
        table.Set(CanonicalColumns.Label, "a, b");
        table.Set(CanonicalColumns.StartedAt, "2019-03-05T18:12:01Z");
        table.Set(CanonicalColumns.SubmittedAt, "2019-03-05T18:12:44Z");
        table.Set(CanonicalColumns.Reward, "0.05");
        using var stream = new MemoryStream();

        new MTurkFormat().Write(table, stream);

        Assert.Equal(
            "HITId,HITTypeId,Title,Reward,AssignmentId,WorkerId,AssignmentStatus,AcceptTime,SubmitTime,WorkTimeInSeconds,Answer.label\n"
            + "t1,,,$0.05,A00000001,w1,Submitted,Tue Mar 05 18:12:01 UTC 2019,Tue Mar 05 18:12:44 UTC 2019,43,\"a, b\"\n",
            System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
