using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Formats.Tests.Writing;

public sealed class ResultFilesTests
{
    [Fact]
    public void Write_PerAnswer_CreatesTheDirectoryAndWritesThreeFiles()
    {
        using var files = new TempFiles();
        var directory = Path.Combine(files.Root, "out");
        var answers = AnswerSet.FromTriples([("t1", "w1", "cat"), ("t1", "w2", "cat")]);
        var result = new MajorityVote().Infer(answers);

        var written = ResultFiles.Write(directory, result, perAnswer: true);

        Assert.Equal(["labels.csv", "workers.csv", "answers.csv"], written.Select(Path.GetFileName));
        Assert.Equal("task,label,confidence,p_cat\nt1,cat,1,1\n", File.ReadAllText(Path.Combine(directory, "labels.csv")));
        Assert.Equal(3, Directory.GetFiles(directory).Length);
    }
}
