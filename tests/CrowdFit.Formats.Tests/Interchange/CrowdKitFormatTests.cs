using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class CrowdKitFormatTests
{
    [Fact]
    public void Read_PandasCsvWithIndexAndPerformer_ExactRows()
    {
        var table = new CrowdKitFormat().Read(Fixtures.Path("crowd-kit-frame.csv"));

        Assert.Equal(["2: t1 ; w1 ; 1", "3: t1 ; w2 ; 0", "4: t2 ; w1 ; yes, mostly", "5: t2 ; w3 ; 0"], Fixtures.Rows(table, "task", "worker", "label"));
        Assert.Equal(["task", "worker", "label"], table.ColumnNames);
    }

    [Fact]
    public void Read_TsvWithExtraColumn_ExactRows()
    {
        var table = new CrowdKitFormat().Read(Fixtures.Path("crowd-kit-frame.tsv"));

        Assert.Equal(["2: t1 ; w1 ; cat", "3: t1 ; w2 ; dog", "4: t2 ; w2 ; cat"], Fixtures.Rows(table, "task", "worker", "label"));
    }

    [Fact]
    public void Read_CanonicalExtraColumns_Kept()
    {
        using var files = new TempFiles();
        var path = files.Write("f.tsv", "task\tworker\tlabel\tcountry\nt1\tw1\ta\tPL\n");

        var table = new CrowdKitFormat().Read(path);

        Assert.Equal(["2: t1 ; w1 ; a ; PL"], Fixtures.Rows(table, "task", "worker", "label", "country"));
    }

    [Theory]
    [InlineData("task,performer,answer\nt1,w1,a\n", 1, "label")]
    [InlineData("task,label\nt1,a\n", 1, "worker")]
    [InlineData(",task,performer,label\n0,t1,w1,a\n1,t1,w2,\n", 3, "label")]
    [InlineData("task\tworker\tlabel\nt1\t\ta\n", 2, "worker")]
    public void Read_Bad_ErrorNamesLineAndColumn(string content, int line, string column)
    {
        using var files = new TempFiles();
        var path = files.Write("f.csv", content);

        var error = Assert.Throws<AnswerFormatException>(() => new CrowdKitFormat().Read(path));

        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
