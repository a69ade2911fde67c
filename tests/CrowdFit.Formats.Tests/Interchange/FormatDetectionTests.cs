using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class FormatDetectionTests
{
    [Theory]
    [InlineData("mturk-batch-text.csv", "mturk")]
    [InlineData("mturk-batch-options.csv", "mturk")]
    [InlineData("toloka-assignments.tsv", "toloka")]
    [InlineData("label-studio-export.json", "label-studio")]
    [InlineData("crowd-kit-frame.csv", "crowd-kit")]
    [InlineData("crowd-kit-frame.tsv", "crowd-kit")]
    public void Resolve_Fixture_ItsFormat(string fixture, string format)
    {
        Assert.Equal(format, AnswerFormats.Resolve(Fixtures.Path(fixture)).Name);
    }

    [Theory]
    [InlineData("task,worker,label\nt1,w1,a\n")]
    [InlineData("\uFEFFtask,worker,label,started_at,submitted_at,country\r\nt1,w1,a,,,PL\r\n")]
    [InlineData("label,task,worker,notes\nt1,w1,a,x\n")]
    [InlineData("task,worker,label,performer\nt1,w1,a,x\n")]
    public void Resolve_CanonicalLog_StaysCsv(string content)
    {
        using var files = new TempFiles();
        var path = files.Write("answers.csv", content);

        Assert.Equal("csv", AnswerFormats.Resolve(path).Name);
    }

    [Theory]
    [InlineData("HITId,WorkerId,Answer.label\nH,W,a\n")]
    [InlineData("INPUT:x,OUTPUT:y,ASSIGNMENT:worker_id\na,b,c\n")]
    [InlineData("[{\"id\": 1, \"data\": {}}]")]
    public void Detect_WithoutTheSignature_NoFormatIsSure(string content)
    {
        using var files = new TempFiles();
        var path = files.Write("export.txt", content);
        var head = AnswerFormats.Head(path);

        Assert.All(AnswerFormats.All.Where(f => f.Name != "csv"), f => Assert.True(f.Detect(path, head) < AnswerFormats.MinCertainty, f.Name));
    }

    [Fact]
    public void All_EachFormatOnce_FindByName()
    {
        foreach (var name in new[] { "mturk", "toloka", "label-studio", "crowd-kit" })
        {
            Assert.Equal(name, AnswerFormats.Find(name.ToUpperInvariant())?.Name);
        }

        Assert.Equal(AnswerFormats.All.Count, AnswerFormats.All.Select(f => f.Name).Distinct().Count());
    }
}
