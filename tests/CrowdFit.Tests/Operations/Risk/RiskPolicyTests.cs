using System.Text;
using CrowdFit.Operations;

namespace CrowdFit.Tests.Operations.Risk;

public sealed class RiskPolicyTests
{
    [Fact]
    public void Parse_FullFile_ReadsClassesAndDefault()
    {
        const string Json = """
            {
              // the operator's classes
              "task_types": { "medical": "high", "moderation": "Medium", "tagging": "LOW", },
              "default": "medium"
            }
            """;

        var policy = RiskPolicy.Parse(Json);

        Assert.Equal(RiskClass.High, policy.ClassOf("medical"));
        Assert.Equal(RiskClass.Medium, policy.ClassOf("moderation"));
        Assert.Equal(RiskClass.Low, policy.ClassOf("tagging"));
        Assert.Null(policy.ClassOf("Medical"));
        Assert.Equal(RiskClass.Medium, policy.Default);
        Assert.Equal(3, policy.TaskTypes.Count);
    }

    [Fact]
    public void Parse_EmptyObject_NamesNothingAndDefaultsToLow()
    {
        var policy = RiskPolicy.Parse("{}");

        Assert.Empty(policy.TaskTypes);
        Assert.Equal(RiskClass.Low, policy.Default);
    }

    [Fact]
    public void Parse_StreamWithByteOrderMark_Reads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("""{ "default": "high" }""")).ToArray();

        var policy = RiskPolicy.Parse(new MemoryStream(bytes));

        Assert.Equal(RiskClass.High, policy.Default);
    }

    [Fact]
    public void Parse_UnknownClass_NamesLineAndField()
    {
        const string Json = "{\n  \"task_types\": {\n    \"medical\": \"urgent\"\n  }\n}";

        var e = Assert.Throws<RiskPolicyException>(() => RiskPolicy.Parse(Json));

        Assert.Equal(3, e.Line);
        Assert.Equal("task_types.medical", e.Field);
        Assert.Equal("line 3: task_types.medical: expected \"low\", \"medium\" or \"high\", found \"urgent\"", e.Message);
    }

    [Fact]
    public void Parse_MisspeltProperty_NamesLineAndProperty()
    {
        const string Json = "{\n  \"task_types\": {},\n  \"defualt\": \"low\"\n}";

        var e = Assert.Throws<RiskPolicyException>(() => RiskPolicy.Parse(Json));

        Assert.Equal(3, e.Line);
        Assert.Equal("defualt", e.Field);
        Assert.Contains("unknown property \"defualt\"", e.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n\"default\": 2\n}", 2, "default", "expected \"low\", \"medium\" or \"high\", found a number")]
    [InlineData("{\n\"task_types\": [\"a\"]\n}", 2, "task_types", "expected an object mapping task types to classes, found an array")]
    [InlineData("{\"task_types\": {\n\"a\": \"low\",\n\"a\": \"high\"}}", 3, "task_types.a", "\"a\" appears twice")]
    [InlineData("{\"task_types\": {\n\" \": \"low\"}}", 2, "task_types. ", "a task type must not be empty")]
    [InlineData("{\"default\": \"low\",\n\"default\": \"high\"}", 2, "default", "\"default\" appears twice")]
    [InlineData("[]", 1, "$", "expected an object with \"task_types\" and \"default\", found an array")]
    [InlineData("", 1, "$", "expected an object with \"task_types\" and \"default\", found nothing (the file is empty)")]
    public void Parse_BadFile_ReportsLineFieldAndDetail(string json, int line, string field, string detail)
    {
        var e = Assert.Throws<RiskPolicyException>(() => RiskPolicy.Parse(json));

        Assert.Equal((line, field, detail), (e.Line, e.Field, e.Detail));
    }

    [Fact]
    public void Parse_BrokenJson_ReportsTheLineOfTheSyntaxError()
    {
        const string Json = "{\n  \"task_types\": {\n    \"medical\": \"high\"\n  \n  \"default\": \"low\"\n}";

        var e = Assert.Throws<RiskPolicyException>(() => RiskPolicy.Parse(Json));

        Assert.Equal(5, e.Line);
        Assert.StartsWith("not valid JSON", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_EmptyTypeOrUndefinedClass_Throws()
    {
        Assert.Throws<ArgumentException>(() => new RiskPolicy(new Dictionary<string, RiskClass> { [""] = RiskClass.Low }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskPolicy(new Dictionary<string, RiskClass> { ["a"] = (RiskClass)7 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RiskPolicy(new Dictionary<string, RiskClass>(), (RiskClass)(-1)));
    }
}
