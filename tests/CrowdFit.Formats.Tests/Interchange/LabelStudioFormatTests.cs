using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class LabelStudioFormatTests
{
    [Fact]
    public void ReadExport_Fixture_ExactRowsSkippedAndGold()
    {
        var contents = new LabelStudioFormat().ReadExport(Fixtures.Path("label-studio-export.json"));

        Assert.Equal(
            [
                "5: 101 ; 7 ; Cat ; 2021-03-01T10:00:00.000456Z ; 2021-03-01T10:00:05.123456Z",
                "36: 101 ; 12 ; Dog ; 2021-03-01T11:29:47.5Z ; 2021-03-01T11:30:00Z",
                "96: 102 ; bo@example.com ; Dog|Fox ;  ; 2021-03-02T08:00:00.5Z",
                "108: 102 ; 7 ; Café \"fox\" ; 2021-03-02T06:59:30Z ; 2021-03-02T07:00:00Z",
            ],
            Fixtures.Rows(contents.Answers, "task", "worker", "label", "started_at", "submitted_at"));
        Assert.Equal(
            [new SkippedRows("cancelled annotation (was_cancelled)", 1, 64), new SkippedRows("annotation without a choices result", 1, 119)],
            contents.Skipped);
        Assert.Equal([new GoldLabel("101", "Cat", 5)], contents.Gold);
    }

    [Theory]
    [InlineData("{\"id\": 1}", 1, null, "an array '[' of tasks")]
    [InlineData("[\n  {\"id\": 1, \"annotations\": []}\n  {\"id\": 2}\n]", 3, null, "expected ',' or ']'")]
    [InlineData("[\n  {\"id\": 1,\n   \"annotations\": [}\n]", 3, null, "expected valid JSON")]
    [InlineData("[\n  {\"id\": 1, \"annotations\": []}", 2, null, "found the end of the file")]
    [InlineData("[\n  {\"data\": {\"id\": 5},\n   \"annotations\": []}\n]", 2, "id", "task's id")]
    [InlineData("[{\"id\": 1, \"annotations\": [\n {\"completed_by\": 3,\n  \"result\": [{\"type\": \"choices\", \"value\": {\"choices\": [\"a\"]}}],\n  \"created_at\": \"yesterday\"}]}]", 4, "created_at", "found 'yesterday'")]
    [InlineData("[{\"id\": 1, \"annotations\": [\n {\"result\": [{\"type\": \"choices\", \"value\": {\"choices\": [\"a\"]}}]}]}]", 2, "completed_by", "annotator")]
    [InlineData("[{\"id\": 1, \"annotations\": [\n {\"completed_by\": 3, \"result\": [{\"type\": \"choices\",\n \"value\": {\"choices\": \"a\"}}]}]}]", 3, "choices", "found text")]
    public void Read_Bad_ErrorNamesLineAndField(string json, int line, string? column, string detail)
    {
        using var files = new TempFiles();
        var path = files.Write("export.json", json);

        var error = Assert.Throws<AnswerFormatException>(() => new LabelStudioFormat().Read(path));

        Assert.Equal((path, line, column), (error.FilePath, error.Line, error.Column));
        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TasksLargerThanTheBlock_SameRowsAndLines()
    {
        // Long data cuts tasks across blocks of the 1 MiB buffer, and one task is bigger than the buffer.
        var filler = new string('x', 300_000);
        var tasks = Enumerable.Range(1, 12).Select(i =>
            $"{{\"id\": {i}, \"data\": {{\"text\": \"{(i == 7 ? filler + filler + filler + filler : filler)}\"}},\n \"annotations\": [{{\"completed_by\": {i % 3},\n \"result\": [{{\"type\": \"choices\", \"value\": {{\"choices\": [\"c{i}\"]}}}}]}}]}}");
        using var files = new TempFiles();
        var path = files.Write("big.json", "[\n" + string.Join(",\n", tasks) + "\n]\n");

        var table = new LabelStudioFormat().Read(path);

        Assert.Equal(12, table.RowCount);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"{3 * i}: {i} ; {i % 3} ; c{i}"), Fixtures.Rows(table, "task", "worker", "label"));
    }

    [Fact]
    public void Write_Answers_GroupedByTaskAndReadBack()
    {
        var table = new AnswerTable("log.csv");
        foreach (var (task, worker, label) in new[] { ("10", "7", "a"), ("t2", "ann@example.com", "b|c"), ("10", "w9", "b") })
        {
            table.AddRow(table.RowCount + 2);
            table.Set(CanonicalColumns.Task, task);
            table.Set(CanonicalColumns.Worker, worker);
            table.Set(CanonicalColumns.Label, label);
            table.Set(CanonicalColumns.StartedAt, "2021-03-01T10:00:00Z");
            table.Set(CanonicalColumns.SubmittedAt, "2021-03-01T10:00:02.25Z");
        }

        using var files = new TempFiles();
        var path = files.PathOf("out.json");
        using (var stream = File.Create(path))
        {
            new LabelStudioFormat().Write(table, stream);
        }

        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        var back = new LabelStudioFormat().Read(path);

        Assert.Equal(2, document.RootElement.GetArrayLength());
        Assert.Equal(10, document.RootElement[0].GetProperty("id").GetInt32());
        Assert.Equal(2, document.RootElement[0].GetProperty("annotations").GetArrayLength());
        Assert.Equal(2.25, document.RootElement[0].GetProperty("annotations")[0].GetProperty("lead_time").GetDouble());
        Assert.Equal(
            ["10 ; 7 ; a ; 2021-03-01T10:00:00Z", "10 ; w9 ; b ; 2021-03-01T10:00:00Z", "t2 ; ann@example.com ; b|c ; 2021-03-01T10:00:00Z"],
            Fixtures.Rows(back, "task", "worker", "label", "started_at").Select(r => r[(r.IndexOf(':') + 2)..]));
    }
}
