using System.Runtime.CompilerServices;
using System.Text;
using CrowdFit.Fraud.Rules;

namespace CrowdFit.Tests.Fraud.Rules;

public sealed class FraudRulesTests
{
    private const string Example = """
        {
          "rules": [
            { "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 },
            { "name": "too-quick-image", "kind": "min-seconds", "task_type": "image", "seconds": 3 },
            { "name": "too-quick", "kind": "min-seconds", "seconds": 1 },
            { "name": "too-long", "kind": "max-seconds", "seconds": 3600, "action": "suspend" },
            { "name": "failed-gold", "kind": "max-failed-gold", "count": 3 },
            { "name": "geo", "kind": "country-mismatch", "min_share": 0.5, "action": "flag" }
          ]
        }
        """;

    [Fact]
    public void Parse_Example_ReadsEveryRuleWithDefaultsAndLines()
    {
        var rules = FraudRules.Parse(Example);

        Assert.Equal(["burst", "too-quick-image", "too-quick", "too-long", "failed-gold", "geo"], rules.Rules.Select(r => r.Name));
        Assert.Equal(
            [FraudRuleKind.MaxRate, FraudRuleKind.MinSeconds, FraudRuleKind.MinSeconds, FraudRuleKind.MaxSeconds, FraudRuleKind.MaxFailedGold, FraudRuleKind.CountryMismatch],
            rules.Rules.Select(r => r.Kind));
        Assert.Equal(
            [FraudRuleAction.Flag, FraudRuleAction.Flag, FraudRuleAction.Flag, FraudRuleAction.Suspend, FraudRuleAction.Suspend, FraudRuleAction.Flag],
            rules.Rules.Select(r => r.Action));
        Assert.Equal([3, 4, 5, 6, 7, 8], rules.Rules.Select(r => r.Line));
        Assert.Equal(new FraudRule { Name = "burst", Kind = FraudRuleKind.MaxRate, Answers = 5, Seconds = 60, Line = 3 }, rules.Rules[0]);
        Assert.Equal("image", rules.Rules[1].TaskType);
        Assert.Null(rules.Rules[2].TaskType);
        Assert.Equal(3600, rules.Rules[3].Seconds);
        Assert.Equal(3, rules.Rules[4].Count);
        Assert.Equal(0.5, rules.Rules[5].MinShare);
        Assert.Equal(FraudRules.DefaultWorkerShare, rules.WorkerShare);
    }

    [Fact]
    public void Parse_SampleFile_ReadsTheDefaults()
    {
        using var file = File.OpenRead(SamplePath());

        var rules = FraudRules.Parse(file);

        Assert.Equal(["burst", "too-quick", "too-long", "failed-gold", "geo"], rules.Rules.Select(r => r.Name));
        Assert.Equal((5, 60.0), (rules.Rules[0].Answers, rules.Rules[0].Seconds));
        Assert.Equal(1, rules.Rules[1].Seconds);
        Assert.Equal(FraudRuleAction.Suspend, rules.Rules[3].Action);
        Assert.Equal(0.25, rules.WorkerShare);
    }

    [Fact]
    public void Parse_StreamWithByteOrderMark_SameAsText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Example)).ToArray();

        var fromStream = FraudRules.Parse(new MemoryStream(bytes));

        Assert.Equal(FraudRules.Parse(Example).Rules, fromStream.Rules);
    }

    [Fact]
    public void Parse_CommentsTrailingCommasAndWorkerShare_Accepted()
    {
        var json = """
            // operator rules
            {
              "worker_share": 0.1,
              "rules": [
                /* one rule */ { "name": "r", "kind": "max-seconds", "seconds": 1.5, },
              ],
            }
            """;

        var rules = FraudRules.Parse(json);

        Assert.Equal(0.1, rules.WorkerShare);
        Assert.Equal(1.5, Assert.Single(rules.Rules).Seconds);
        Assert.Equal(5, rules.Rules[0].Line);
    }

    [Theory]
    [InlineData("{\n  \"rules\": [\n    { \"name\": \"a\", \"kind\" \"max-rate\" }\n  ]\n}", 3, "rules[0]")]
    [InlineData("{\n  \"rules\": [\n    {\n      \"name\": \"a\",\n      \"kind\": \"max-speed\"\n    }\n  ]\n}", 5, "rules[0].kind")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"seconds\": 3 }\n ]\n}", 3, "rules[0].kind")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1 },\n  {\n   \"name\": \"b\",\n   \"kind\": \"max-rate\",\n   \"seconds\": 60\n  }\n ]\n}", 4, "rules[1].answers")]
    [InlineData("{\n \"rules\": [\n  {\n   \"name\": \"a\", \"kind\": \"min-seconds\",\n   \"seconds\": -3\n  }\n ]\n}", 5, "rules[0].seconds")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-seconds\",\n    \"secnds\": 60 }\n ]\n}", 4, "rules[0].secnds")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-rate\", \"answers\": 5, \"seconds\": 60,\n    \"count\": 3 }\n ]\n}", 4, "rules[0].count")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-seconds\",\n \"seconds\": 6x }\n ]\n}", 4, "rules[0].seconds")]
    [InlineData("{\n  \"rules\": [\n  ]\n}", 2, "rules")]
    [InlineData("{\n  \"worker_share\": 0.5\n}", 1, "rules")]
    [InlineData("{\n  \"rule\": []\n}", 2, "rule")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1 },\n  { \"name\": \"a\", \"kind\": \"max-seconds\", \"seconds\": 9 }\n ]\n}", 4, "rules[1].name")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1,\n \"action\": \"block\" }\n ]\n}", 4, "rules[0].action")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-rate\", \"seconds\": 60,\n \"answers\": 2.5 }\n ]\n}", 4, "rules[0].answers")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"country-mismatch\",\n\n \"min_share\": 1.5 }\n ]\n}", 5, "rules[0].min_share")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-seconds\",\n \"seconds\": \"60\" }\n ]\n}", 4, "rules[0].seconds")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-seconds\",\n \"seconds\": 0 }\n ]\n}", 4, "rules[0].seconds")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"max-failed-gold\",\n \"count\": -1 }\n ]\n}", 4, "rules[0].count")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1,\n \"seconds\": 2 }\n ]\n}", 4, "rules[0].seconds")]
    [InlineData("{\n \"rules\": [\n  {\n \"kind\": \"min-seconds\", \"seconds\": 1 }\n ]\n}", 3, "rules[0].name")]
    [InlineData("{\n \"rules\": [\n  { \"kind\": \"min-seconds\", \"seconds\": 1,\n \"name\": \" \" }\n ]\n}", 4, "rules[0].name")]
    [InlineData("{\n \"rules\": [\n  \"burst\"\n ]\n}", 3, "rules[0]")]
    [InlineData("{\n \"rules\": {}\n}", 2, "rules")]
    [InlineData("{\n \"worker_share\": 0,\n \"rules\": []\n}", 2, "worker_share")]
    [InlineData("", 1, "$")]
    [InlineData("[]", 1, "$")]
    [InlineData("{ \"rules\": [ { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1 } ] }\n\nx", 3, "$")]
    [InlineData("{\n \"rules\": [\n  { \"name\": \"a\", \"kind\": \"min-seconds\", \"seconds\": 1 },\n", 4, "rules")]
    public void Parse_BadInput_ThrowsWithLineAndField(string json, int line, string field)
    {
        var e = Assert.Throws<FraudRuleException>(() => FraudRules.Parse(json));

        Assert.Equal((line, field), (e.Line, e.Field));
        Assert.False(string.IsNullOrWhiteSpace(e.Detail));
        Assert.Equal($"line {line}: {field}: {e.Detail}", e.Message);
    }

    [Fact]
    public void Parse_UnknownKind_DetailNamesWhatWasFoundAndExpected()
    {
        var e = Assert.Throws<FraudRuleException>(() => FraudRules.Parse("""{ "rules": [ { "name": "a", "kind": "max-speed" } ] }"""));

        Assert.Contains("\"max-speed\"", e.Detail, StringComparison.Ordinal);
        Assert.Contains("max-rate, min-seconds, max-seconds, max-failed-gold, country-mismatch", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NegativeNumber_DetailNamesTheValueAndRange()
    {
        var e = Assert.Throws<FraudRuleException>(() => FraudRules.Parse("""{ "rules": [ { "name": "a", "kind": "max-rate", "answers": -2, "seconds": 60 } ] }"""));

        Assert.Equal("expected a whole number ≥ 1, found -2", e.Detail);
    }

    [Fact]
    public void Parse_SyntaxError_KeepsTheReaderErrorAsCause()
    {
        var e = Assert.Throws<FraudRuleException>(() => FraudRules.Parse("{ \"rules\": [ } "));

        Assert.IsAssignableFrom<System.Text.Json.JsonException>(e.InnerException);
        Assert.StartsWith("not valid JSON: ", e.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", e.Detail, StringComparison.Ordinal);
    }

    private static string SamplePath([CallerFilePath] string source = "")
    {
        // The test output may live outside the repository (a private artifacts path), so search from this source file too.
        foreach (var start in new[] { Path.GetDirectoryName(source)!, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, "samples", "rules.json");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException("samples/rules.json was not found above the tests.");
    }
}
