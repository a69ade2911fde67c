namespace CrowdFit.Formats.Tests.Writing;

public sealed class AtomicFileTests
{
    [Fact]
    public void WriteAll_TwoOutputs_WritesBothAndLeavesNoTemporaryFile()
    {
        using var files = new TempFiles();
        files.Write("labels.csv", "old");

        AtomicFile.WriteAll(
            new OutputFile(files.PathOf("labels.csv"), stream => stream.Write("new labels"u8)),
            new OutputFile(files.PathOf("workers.csv"), stream => stream.Write("new workers"u8)));

        Assert.Equal(["labels.csv", "workers.csv"], files.FileNames());
        Assert.Equal("new labels", files.Read("labels.csv"));
        Assert.Equal("new workers", files.Read("workers.csv"));
    }

    [Fact]
    public void WriteAll_LaterOutputFails_ReplacesNothingAndLeavesNoTemporaryFile()
    {
        using var files = new TempFiles();
        files.Write("labels.csv", "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAll(
            new OutputFile(files.PathOf("labels.csv"), stream => stream.Write("new"u8)),
            new OutputFile(files.PathOf("workers.csv"), stream =>
            {
                stream.Write("partial"u8);
                throw new InvalidOperationException("disk full");
            })));

        Assert.Equal(["labels.csv"], files.FileNames());
        Assert.Equal("old", files.Read("labels.csv"));
    }

    [Fact]
    public void WriteAll_TwoWritersFail_RethrowsTheFirstInOutputOrderAndReplacesNothing()
    {
        using var files = new TempFiles();
        files.Write("labels.csv", "old");

        var error = Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteAll(
            new OutputFile(files.PathOf("labels.csv"), stream => stream.Write("new"u8)),
            new OutputFile(files.PathOf("workers.csv"), _ => throw new InvalidOperationException("first")),
            new OutputFile(files.PathOf("flags.csv"), _ => throw new InvalidOperationException("second"))));

        Assert.Equal("first", error.Message);
        Assert.Equal(["labels.csv"], files.FileNames());
        Assert.Equal("old", files.Read("labels.csv"));
    }

    [Fact]
    public void WriteAll_LaterTargetDirectoryMissing_ReplacesNothingAndLeavesNoTemporaryFile()
    {
        using var files = new TempFiles();

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAll(
            new OutputFile(files.PathOf("labels.csv"), stream => stream.Write("new"u8)),
            new OutputFile(Path.Combine(files.Root, "missing", "workers.csv"), stream => stream.Write("new"u8))));

        Assert.Empty(files.FileNames());
    }

    [Fact]
    public void Write_TargetDirectoryMissing_ThrowsAndCreatesNothing()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Root, "missing", "labels.csv");

        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.Write(path, stream => stream.Write("x"u8)));

        Assert.False(Directory.Exists(Path.Combine(files.Root, "missing")));
    }

    [Fact]
    public void WriteAll_SamePathTwice_ThrowsBeforeWriting()
    {
        using var files = new TempFiles();
        var path = files.PathOf("labels.csv");

        Assert.Throws<ArgumentException>(() => AtomicFile.WriteAll(
            new OutputFile(path, stream => stream.Write("a"u8)),
            new OutputFile(Path.Combine(files.Root, ".", "labels.csv"), stream => stream.Write("b"u8))));

        Assert.Empty(files.FileNames());
    }
}
