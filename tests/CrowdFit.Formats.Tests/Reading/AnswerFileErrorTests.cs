namespace CrowdFit.Formats.Tests.Reading;

public sealed class AnswerFileErrorTests
{
    [Fact]
    public void Read_MissingRequiredColumn_NamesColumnOnLineOne()
    {
        var error = ReadError("task,worker\nt1,w1\n");

        Assert.Equal((1, "label"), (error.Line, error.Column));
        Assert.Equal("expected a required column 'label' in the header, found only 'task','worker'", error.Detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n")]
    public void Read_EmptyFile_SaysAHeaderWasExpected(string content)
    {
        var error = ReadError(content);

        Assert.Equal((1, null), (error.Line, error.Column));
        Assert.Equal("expected a header row (task,worker,label), found an empty file", error.Detail);
    }

    [Fact]
    public void Read_HeaderOnly_SaysThereAreNoAnswers()
    {
        var error = ReadError("task,worker,label\n");

        Assert.Equal((2, null), (error.Line, error.Column));
        Assert.Equal("expected at least one answer after the header, found no answers", error.Detail);
    }

    [Fact]
    public void Read_DuplicateHeaderColumn_NamesIt()
    {
        var error = ReadError("task,worker,label,Worker\nt1,w1,a,w2\n");

        Assert.Equal((1, "worker"), (error.Line, error.Column));
        Assert.Equal("expected each column once, found 'worker' twice in the header", error.Detail);
    }

    [Theory]
    [InlineData("task,worker,label\nt1,w1,a\nt2,w2\n", 3, "expected 3 fields (task,worker,label), found 2")]
    [InlineData("task,worker,label\nt1,w1,a,extra\n", 2, "expected 3 fields (task,worker,label), found 4")]
    [InlineData("task,worker,label\r\n\"t\n1\",w1,a\r\nt2,w2,b,\"c\"\r\n", 4, "expected 3 fields (task,worker,label), found 4")]
    public void Read_RaggedRow_NamesExpectedAndFoundFieldCounts(string content, int line, string detail)
    {
        var error = ReadError(content);

        Assert.Equal((line, null), (error.Line, error.Column));
        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData("task,worker,label\nt1,w1,a\n,w2,a\n", 3, "task", "expected a task id, found an empty cell")]
    [InlineData("task,worker,label\nt1,,a\n", 2, "worker", "expected a worker id, found an empty cell")]
    [InlineData("task,worker,label\nt1,w1,\"\"\n", 2, "label", "expected a label, found an empty cell")]
    public void Read_EmptyRequiredCell_NamesTheColumn(string content, int line, string column, string detail)
    {
        var error = ReadError(content);

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Read_UnterminatedQuote_PointsAtTheLineWhereTheQuoteOpens()
    {
        var error = ReadError("task,worker,label\nt1,w1,a\nt2,w2,\"b\nt3,w3,c\n");

        Assert.Equal((3, "label"), (error.Line, error.Column));
        Assert.StartsWith("expected a closing quote, found the end of the file", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_NamesTheCharacter()
    {
        var error = ReadError("task,worker,label\n\"t1\"x,w1,a\n");

        Assert.Equal((2, "task"), (error.Line, error.Column));
        Assert.Equal("expected ',' or a line end after the closing quote, found 'x'", error.Detail);
    }

    [Fact]
    public void Read_MissingFile_SaysNotFoundWithoutLine()
    {
        using var files = new TempFiles();
        var path = files.PathOf("missing.csv");

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(path));

        Assert.Equal((path, 0, null), (error.FilePath, error.Line, error.Column));
        Assert.Equal($"{path}: expected an existing file, found none (file not found)", error.Message);
    }

    [Fact]
    public void Read_ErrorAfterMultiLineRecord_CountsPhysicalLines()
    {
        var error = ReadError("task,worker,label\nt1,w1,\"a\nb\nc\"\nt2,,a\n");

        Assert.Equal((5, "worker"), (error.Line, error.Column));
    }

    internal static AnswerFormatException ReadError(string content, ReaderOptions? options = null)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", content);
        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(path, options: options));
        Assert.Equal(path, error.FilePath);
        return error;
    }
}
