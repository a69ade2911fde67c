using System.Diagnostics.CodeAnalysis;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Reading;

/// <summary>The errors the readers raise for bad rows, worded the same way everywhere.</summary>
internal static class Throw
{
    /// <summary>A row with a different number of fields than the header.</summary>
    [DoesNotReturn]
    public static void Ragged(Utf8CsvParser parser, int expected) =>
        throw new AnswerFormatException(
            parser.Path,
            parser.RecordLine,
            null,
            $"expected {expected} fields ({string.Join(",", parser.ColumnNames)}), found {parser.FieldCount}");

    /// <summary>An empty cell in a required column.</summary>
    [DoesNotReturn]
    public static void Empty(Utf8CsvParser parser, int field, string what) =>
        At(parser, field, $"expected {what}, found an empty cell");

    /// <summary>A cell whose text is not the expected kind of value.</summary>
    [DoesNotReturn]
    public static void Invalid(Utf8CsvParser parser, int field, string expected) =>
        At(parser, field, $"expected {expected}, found {ValueText.Quote(parser.Field(field))}");

    /// <summary>Any problem with field <paramref name="field"/> of the current record.</summary>
    [DoesNotReturn]
    public static void At(Utf8CsvParser parser, int field, string detail) =>
        throw new AnswerFormatException(parser.Path, parser.FieldLine(field), parser.ColumnName(field), detail);
}
