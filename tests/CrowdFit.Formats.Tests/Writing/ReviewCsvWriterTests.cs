using System.Text;
using CrowdFit.Answers;
using CrowdFit.Operations;
using CrowdFit.Truth;

namespace CrowdFit.Formats.Tests.Writing;

public sealed class ReviewCsvWriterTests
{
    [Fact]
    public void Write_HighRiskPolicy_EveryTaskSelectedForExpertReview()
    {
        var answers = AnswerSet.FromTriples([("t1", "w1", "cat"), ("t1", "w2", "dog"), ("t2", "w1", "dog"), ("t2", "w2", "dog")]);
        var truth = new MajorityVote().Infer(answers);
        var plan = ReviewPlan.Analyze(answers, truth, context: null, new RiskPolicy(new Dictionary<string, RiskClass>(), RiskClass.High));
        using var stream = new MemoryStream();

        ReviewCsvWriter.Write(plan, stream);

        var lines = Encoding.UTF8.GetString(stream.ToArray()).TrimEnd('\n').Split('\n');
        Assert.Equal("task,task_type,risk_class,method,selected,reason,confidence,answers", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains(",high,expert-review,yes,", line, StringComparison.Ordinal));
        Assert.StartsWith("t1,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",0.5,2", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReviewMethod.SpotCheck, "spot-check")]
    [InlineData(ReviewMethod.EdgeCaseReview, "edge-case-review")]
    [InlineData(ReviewMethod.ExpertReview, "expert-review")]
    public void MethodName_EveryMethod_Named(ReviewMethod method, string name) =>
        Assert.Equal(name, ReviewCsvWriter.MethodName(method));
}
