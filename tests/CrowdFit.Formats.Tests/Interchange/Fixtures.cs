using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

/// <summary>The export files under Fixtures/, and the rows of a table as text for comparing.</summary>
internal static class Fixtures
{
    /// <summary>The path of a fixture copied to the test output.</summary>
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>Each row as its source line and the named columns' cells joined with ' ; '.</summary>
    public static string[] Rows(AnswerTable table, params string[] columns)
    {
        var indices = columns.Select(CanonicalColumns.IndexOf).ToArray();
        return
        [
            .. Enumerable.Range(0, table.RowCount)
                .Select(r => $"{table.SourceLine(r)}: " + string.Join(" ; ", indices.Select(c => table.Text(r, c)))),
        ];
    }
}
