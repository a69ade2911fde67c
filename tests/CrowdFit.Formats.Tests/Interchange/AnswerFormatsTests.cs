using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class AnswerFormatsTests
{
    [Fact]
    public void Resolve_CanonicalLog_IsCsv()
    {
        using var files = new TempFiles();
        var path = files.Write("log.txt", "\uFEFFtask,worker,label,country\nt1,w1,a,PL\n");

        Assert.Equal("csv", AnswerFormats.Resolve(path).Name);
    }

    [Fact]
    public void Resolve_TextNoFormatClaims_ReadAsCanonicalWhichNamesTheMissingColumn()
    {
        using var files = new TempFiles();
        var path = files.Write("notes.csv", "task,person,label\nt1,w1,a\n");

        Assert.Equal("csv", AnswerFormats.Resolve(path).Name);
        var error = Assert.Throws<AnswerFormatException>(() => AnswerFormats.ReadLog(path));
        Assert.Equal(("worker", 1), (error.Column, error.Line));
    }

    [Theory]
    [InlineData("{\"answers\": []}")]
    [InlineData("  [1, 2, 3]")]
    [InlineData("\0\0\u0001binary")]
    public void Resolve_JsonOrBinaryNoFormatClaims_ErrorAsksForTheFormat(string content)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.dat", content);

        var error = Assert.Throws<AnswerFormatException>(() => AnswerFormats.Resolve(path));

        Assert.Contains("--format", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void Resolve_UnknownName_ListsTheFormats()
    {
        using var files = new TempFiles();
        var path = files.Write("log.csv", "task,worker,label\nt1,w1,a\n");

        var error = Assert.Throws<AnswerFormatException>(() => AnswerFormats.Resolve(path, "excel"));

        Assert.Contains("found 'excel'", error.Message, StringComparison.Ordinal);
        Assert.Contains(AnswerFormats.Names, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingFile_SaysSo()
    {
        var error = Assert.Throws<AnswerFormatException>(() => AnswerFormats.Resolve("/no/such/answers.csv"));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLog_Canonical_SameAsTheDirectReader()
    {
        using var files = new TempFiles();
        var path = files.Write("log.csv", "task,worker,label\nt1,w1,a\nt1,w2,b\nt2,w1,b\n");

        var log = AnswerFormats.ReadLog(path);
        var table = AnswerFormats.Read(path, "CSV");

        Assert.Equal(3, log.Answers.Count);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(4, table.SourceLine(2));
    }

    [Fact]
    public void HeaderNames_QuotedWithByteOrderMark_Cleaned()
    {
        var names = AnswerFormats.HeaderNames("\uFEFF\"Task\"\t WORKER \tlabel\r\nx\ty\tz"u8.ToArray(), (byte)'\t');

        Assert.Equal(["task", "worker", "label"], names);
    }
}
