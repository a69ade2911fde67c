using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class FormatRoundTripTests
{
    public static TheoryData<string> Formats => ["mturk", "toloka", "label-studio", "crowd-kit"];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_ThenRead_KeepsTheColumnsTheFormatCarries(string name)
    {
        var format = (IPlatformExport)AnswerFormats.Find(name)!;
        var original = Canonical();
        using var files = new TempFiles();
        var path = files.PathOf("export" + format.Extension);
        using (var stream = File.Create(path))
        {
            format.Write(original, stream);
        }

        var back = format.Read(path);

        // Crowd-Kit's task,worker,label CSV is also a canonical log, which detection prefers.
        Assert.Equal(name == "crowd-kit" ? "csv" : name, AnswerFormats.Resolve(path).Name);
        Assert.Equal(format.WrittenColumns, back.ColumnNames.Where(c => format.WrittenColumns.Contains(c)));
        var kept = format.WrittenColumns.ToArray();
        Assert.Equal(Sorted(original, kept), Sorted(back, kept));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_ThenConvertBackToCanonical_TaskWorkerLabelUnchanged(string name)
    {
        var format = AnswerFormats.Find(name)!;
        var original = Canonical();
        using var files = new TempFiles();
        var path = files.PathOf("export" + format.Extension);
        using (var stream = File.Create(path))
        {
            format.Write(original, stream);
        }

        var canonical = files.PathOf("back.csv");
        using (var stream = File.Create(canonical))
        {
            CanonicalCsv.Write(format.Read(path), stream);
        }

        var log = AnswerFormats.ReadLog(canonical);

        Assert.Equal(original.RowCount, log.Answers.Count);
        Assert.Equal(Sorted(original, "task", "worker", "label"), Sorted(CanonicalCsv.Read(canonical), "task", "worker", "label"));
    }

    /// <summary>Answers with every canonical column and the awkward characters exports meet.</summary>
    private static AnswerTable Canonical()
    {
        var random = new Random(7);
        var labels = new[] { "cat", "dog, maybe", "say \"hi\"", "tab\there", "naïve ✓", "a|b", "0" };
        var table = new AnswerTable("answers.csv");
        for (var i = 0; i < 60; i++)
        {
            table.AddRow(i + 2);
            table.Set(CanonicalColumns.Task, i % 5 == 0 ? $"{1000 + (i / 3)}" : $"task-{i / 3}");
            table.Set(CanonicalColumns.Worker, i % 4 == 0 ? $"{i % 7}" : $"w{random.Next(12)}");
            table.Set(CanonicalColumns.Label, labels[random.Next(labels.Length)]);
            var start = new DateTime(2024, 5, 1, 8, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(1_000_000)).AddMilliseconds(random.Next(1000));
            table.Set(CanonicalColumns.StartedAt, start.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z");
            table.Set(CanonicalColumns.SubmittedAt, start.AddSeconds(random.Next(1, 300)).ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + "Z");
            table.Set(CanonicalColumns.Ip, "10.0.0.1");
            table.Set(CanonicalColumns.Country, "PL");
            table.Set(CanonicalColumns.TaskType, "kind-a");
            table.Set(CanonicalColumns.Reward, i % 2 == 0 ? "0.05" : "1.5");
            table.Set(CanonicalColumns.Project, "Project, one");
        }

        return table;
    }

    private static string[] Sorted(AnswerTable table, params string[] columns) =>
        [.. Fixtures.Rows(table, columns).Select(r => r[(r.IndexOf(':') + 2)..]).Order(StringComparer.Ordinal)];
}
