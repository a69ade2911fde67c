using System.Text;
using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class AnswerTableTests
{
    [Fact]
    public void Set_CellsOfSomeRows_OthersReadEmpty()
    {
        var table = new AnswerTable("export.json", capacity: 1);
        for (var i = 0; i < 40; i++)
        {
            table.AddRow(10 + i);
            table.Set(CanonicalColumns.Task, $"t{i}");
            if (i % 7 == 3)
            {
                table.Set(CanonicalColumns.Country, "PL");
            }
        }

        Assert.Equal(40, table.RowCount);
        Assert.Equal("t39", table.Text(39, CanonicalColumns.Task));
        Assert.Equal("PL", table.Text(3, CanonicalColumns.Country));
        Assert.Equal("", table.Text(4, CanonicalColumns.Country));
        Assert.Equal("", table.Text(39, CanonicalColumns.Country));
        Assert.Equal("", table.Text(0, CanonicalColumns.Vendor));
        Assert.Equal(45, table.SourceLine(35));
        Assert.Equal(["task", "worker", "label", "country"], table.ColumnNames);
    }

    [Fact]
    public void Set_SameCellTwice_Throws()
    {
        var table = new AnswerTable("x");
        table.AddRow(2);
        table.Set(CanonicalColumns.Label, "a");

        Assert.Throws<InvalidOperationException>(() => table.Set(CanonicalColumns.Label, "b"));
        Assert.Throws<InvalidOperationException>(() => new AnswerTable("y").Set(CanonicalColumns.Label, "b"));
    }

    [Fact]
    public void Write_CellsWithCommasQuotesAndLineBreaks_ReadBackTheSame()
    {
        var table = Table(("t,1", "w\"1", "multi\nline"), ("t2", "w2", "b"));
        using var files = new TempFiles();
        var path = files.PathOf("canonical.csv");
        using (var stream = File.Create(path))
        {
            CanonicalCsv.Write(table, stream);
        }

        var back = CanonicalCsv.Read(path);

        Assert.Equal(2, back.RowCount);
        Assert.Equal(("t,1", "w\"1", "multi\nline"), (back.Text(0, 0), back.Text(0, 1), back.Text(0, 2)));
        Assert.Equal(4, back.SourceLine(1));
        Assert.Equal("task,worker,label\n\"t,1\",\"w\"\"1\",\"multi\nline\"\nt2,w2,b\n", File.ReadAllText(path, Encoding.UTF8));
    }

    [Fact]
    public void ReadLog_FromTable_SameAnswersAsTheCanonicalFile()
    {
        var table = Table(("t1", "w1", "a"), ("t1", "w2", "b"), ("t2", "w1", "a"));
        table.AddRow(9);
        table.Set(CanonicalColumns.Task, "t2");
        table.Set(CanonicalColumns.Worker, "w3");
        table.Set(CanonicalColumns.Label, "b");
        table.Set(CanonicalColumns.Reward, "0.25");

        var log = AnswerLogReader.Read(table);

        Assert.Equal((4, 2, 3, 2), (log.Answers.Count, log.Answers.TaskCount, log.Answers.WorkerCount, log.Answers.ClassCount));
        Assert.NotNull(log.Context);
        Assert.True(log.Context.HasReward);
        Assert.Equal(0.25, log.Context.Reward(3));
        Assert.True(double.IsNaN(log.Context.Reward(0)));
    }

    [Fact]
    public void ReadLog_BadCellAfterAMultiLineRow_ErrorNamesTheSourceLine()
    {
        var table = Table(("t1", "w1", "two\nlines"), ("t2", "w2", "b"));
        table.AddRow(57);
        table.Set(CanonicalColumns.Task, "t3");
        table.Set(CanonicalColumns.Worker, "w3");
        table.Set(CanonicalColumns.Label, "a");
        table.Set(CanonicalColumns.StartedAt, "yesterday");

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(table));

        Assert.Equal(("export.json", 57, "started_at"), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void ReadLog_EmptyLabel_ErrorNamesTheSourceLine()
    {
        var table = Table(("t1", "w1", "a"), ("t2", "w2", ""));

        var error = Assert.Throws<AnswerFormatException>(() => AnswerLogReader.Read(table));

        Assert.Equal((21, "label"), (error.Line, error.Column));
    }

    /// <summary>A table whose row i came from source line 20 + i.</summary>
    private static AnswerTable Table(params (string Task, string Worker, string Label)[] rows)
    {
        var table = new AnswerTable("export.json");
        foreach (var (task, worker, label) in rows)
        {
            table.AddRow(20 + table.RowCount);
            table.Set(CanonicalColumns.Task, task);
            table.Set(CanonicalColumns.Worker, worker);
            if (label.Length > 0)
            {
                table.Set(CanonicalColumns.Label, label);
            }
        }

        return table;
    }
}
