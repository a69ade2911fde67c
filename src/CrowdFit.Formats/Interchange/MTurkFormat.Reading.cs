using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>Reading a batch results file.</summary>
public sealed partial class MTurkFormat
{
    private const string AnswerPrefix = "Answer.";

    /// <inheritdoc/>
    public ExportContents ReadExport(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var parser = CsvFile.Open(path, 1 << 20);
        var header = ExportHeader.Read(parser, "HITId,WorkerId,AcceptTime,SubmitTime,Answer.*");
        var hit = header.Require("HITId");
        var worker = header.Require("WorkerId");
        var hitType = header.IndexOf("HITTypeId");
        var title = header.IndexOf("Title");
        var reward = header.IndexOf("Reward");
        var accept = header.IndexOf("AcceptTime");
        var submit = header.IndexOf("SubmitTime");
        var label = FindLabel(header);
        var table = new AnswerTable(path, ImportCells.EstimateRows(path));
        Include(table, (accept, CanonicalColumns.StartedAt), (submit, CanonicalColumns.SubmittedAt), (reward, CanonicalColumns.Reward));
        Include(table, (Math.Max(hitType, title), CanonicalColumns.TaskType), (title, CanonicalColumns.Project));

        while (parser.ReadRecord())
        {
            var line = parser.RecordLine;
            if (parser.FieldCount != header.Count)
            {
                throw new AnswerFormatException(path, line, null, $"expected {header.Count} fields as in the header, found {parser.FieldCount}");
            }

            table.AddRow(line);
            ImportCells.Required(table, CanonicalColumns.Task, parser.Field(hit), path, line, header.Names[hit], "a HIT id");
            ImportCells.Required(table, CanonicalColumns.Worker, parser.Field(worker), path, line, header.Names[worker], "a worker id");
            table.Set(CanonicalColumns.Label, label.Read(parser, header));
            Time(table, CanonicalColumns.StartedAt, parser, accept);
            Time(table, CanonicalColumns.SubmittedAt, parser, submit);
            if (reward >= 0)
            {
                ImportCells.Reward(table, parser.Field(reward), path, line, header.Names[reward]);
            }

            var type = hitType >= 0 ? parser.Field(hitType) : [];
            ImportCells.Optional(table, CanonicalColumns.TaskType, type.IsEmpty && title >= 0 ? parser.Field(title) : type);
            if (title >= 0)
            {
                ImportCells.Optional(table, CanonicalColumns.Project, parser.Field(title));
            }
        }

        return new ExportContents(table, [], []);
    }

    private static void Include(AnswerTable table, params ReadOnlySpan<(int Field, int Column)> columns)
    {
        foreach (var (field, column) in columns)
        {
            if (field >= 0)
            {
                table.Include(column);
            }
        }
    }

    private static void Time(AnswerTable table, int column, Utf8CsvParser parser, int field)
    {
        if (field < 0 || parser.Field(field) is not { IsEmpty: false } cell)
        {
            return;
        }

        if (!Timestamps.TryParseMTurk(cell, out var ticks))
        {
            throw new AnswerFormatException(
                parser.Path,
                parser.FieldLine(field),
                parser.ColumnName(field),
                $"expected a time such as 'Tue Mar 05 10:12:44 PST 2019' (zone PST, PDT, MST, MDT, CST, CDT, EST, EDT, AKST, AKDT, HST, HDT, UTC or GMT), found {ValueText.Quote(cell)}");
        }

        ImportCells.Time(table, column, ticks);
    }

    /// <summary>Finds the column(s) holding the label: the chosen one, the only <c>Answer.*</c> one, or one group of option flags.</summary>
    private MTurkLabel FindLabel(ExportHeader header)
    {
        var answers = Enumerable.Range(0, header.Count).Where(i => header.Names[i].StartsWith(AnswerPrefix, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (_labelColumn is not null)
        {
            var single = header.IndexOf(_labelColumn) is >= 0 and var direct ? direct : header.IndexOf(AnswerPrefix + _labelColumn);
            if (single >= 0)
            {
                return new MTurkLabel(single);
            }

            var group = _labelColumn.StartsWith(AnswerPrefix, StringComparison.OrdinalIgnoreCase) ? _labelColumn : AnswerPrefix + _labelColumn;
            return Options(header, [.. answers.Where(i => header.Names[i].StartsWith(group + ".", StringComparison.OrdinalIgnoreCase))], group.Length + 1)
                ?? throw header.Missing(_labelColumn, $"the chosen label column '{_labelColumn}' (or option columns '{group}.*')");
        }

        if (answers.Length == 1)
        {
            return new MTurkLabel(answers[0]);
        }

        if (answers.Length == 0)
        {
            throw header.Missing("Answer.*", "an Answer.* column holding the label");
        }

        // Option flags share the question's name: Answer.sentiment.positive, Answer.sentiment.negative, ...
        var first = header.Names[answers[0]];
        var dot = first.IndexOf('.', AnswerPrefix.Length);
        var prefix = dot < 0 ? null : first[..(dot + 1)];
        var options = prefix is null || !answers.All(i => header.Names[i].StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            ? null
            : Options(header, answers, prefix.Length);
        return options ?? throw new AnswerFormatException(
            header.Path,
            1,
            null,
            $"expected one Answer.* column, or one group of option columns Answer.<question>.<option>, found {answers.Length}: {string.Join(", ", answers.Select(i => header.Names[i]))}; choose the label column (--label-column)");
    }

    private static MTurkLabel? Options(ExportHeader header, int[] columns, int prefixLength)
    {
        if (columns.Length == 0 || columns.Any(i => header.Names[i].Length == prefixLength))
        {
            return null;
        }

        var group = header.Names[columns[0]][..prefixLength] + "*";
        return new MTurkLabel(columns, [.. columns.Select(i => Encoding.UTF8.GetBytes(header.Names[i][prefixLength..]))], group);
    }
}
