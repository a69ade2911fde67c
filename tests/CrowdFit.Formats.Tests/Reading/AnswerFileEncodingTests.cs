using System.Text;

namespace CrowdFit.Formats.Tests.Reading;

public sealed class AnswerFileEncodingTests
{
    [Fact]
    public void Read_InvalidUtf8Byte_NamesLineColumnAndByte()
    {
        var content = Bytes("task,worker,label\nt1,w1,a\nt2,w", 0xE9, ",b\n");

        var error = ReadError(content);

        Assert.Equal((3, "worker"), (error.Line, error.Column));
        Assert.Equal("expected UTF-8 text, found the byte 0xE9 that is not valid UTF-8; save the file as UTF-8", error.Detail);
    }

    [Fact]
    public void Read_InvalidUtf8ByteInALaterBlock_NamesItsLine()
    {
        var rows = string.Concat(Enumerable.Range(0, 40).Select(i => $"t{i},w{i},a\n"));
        var content = Bytes("task,worker,label\n" + rows + "t40,w40,", 0xFF, "\n");

        var error = ReadError(content, new ReaderOptions { BlockSize = 16 });

        Assert.Equal((42, "label"), (error.Line, error.Column));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE }, "UTF-16 (little-endian)")]
    [InlineData(new byte[] { 0xFE, 0xFF }, "UTF-16 (big-endian)")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0 }, "UTF-32 (little-endian)")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF }, "UTF-32 (big-endian)")]
    public void Read_OtherUnicodeByteOrderMark_SaysTheFileMustBeUtf8(byte[] mark, string encoding)
    {
        var content = mark.Concat(Encoding.Unicode.GetBytes("task,worker,label\nt1,w1,a\n")).ToArray();

        var error = ReadError(content);

        Assert.Equal((1, null), (error.Line, error.Column));
        Assert.Equal($"expected UTF-8 text, found a {encoding} byte order mark; save the file as UTF-8", error.Detail);
    }

    [Fact]
    public void Read_Utf16WithoutByteOrderMark_SaysTheFileMustBeUtf8()
    {
        var error = ReadError(Encoding.Unicode.GetBytes("task,worker,label\nt1,w1,a\n"));

        Assert.Equal((1, null), (error.Line, error.Column));
        Assert.Contains("save the file as UTF-8", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NonAsciiIds_DecodesUtf8()
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", "task,worker,label\nzadanie-ż,работник,猫\n");

        var answers = AnswerLogReader.Read(path).Answers;

        Assert.Equal(("zadanie-ż", "работник", "猫"), (answers.TaskIds[0], answers.WorkerIds[0], answers.Labels[0]));
    }

    [Fact]
    public void Message_ControlCharactersInFoundValue_StayOnOneLine()
    {
        var error = ReadError(Encoding.UTF8.GetBytes("task,worker,label,reward\nt1,w1,a,\"1\n2\"\n"));

        Assert.Equal("expected a decimal number such as 0.05, found '1\\n2'", error.Detail);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static byte[] Bytes(string before, byte bad, string after) =>
        [.. Encoding.UTF8.GetBytes(before), bad, .. Encoding.UTF8.GetBytes(after)];

    private static AnswerFormatException ReadError(byte[] content, ReaderOptions? options = null)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", content);
        return Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(path, options: options));
    }
}
