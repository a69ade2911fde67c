using System.Buffers.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>Checks and converts the cells of an export row into canonical cells; bad ones become errors naming line and column.</summary>
internal static class ImportCells
{
    /// <summary>
    /// About how many rows a line-per-row file holds, from the line length in its first 64 KiB and its size, so a
    /// table can be sized once instead of growing; a little over the truth for most files.
    /// </summary>
    public static int EstimateRows(string path)
    {
        var head = AnswerFormats.Head(path);
        var lines = Math.Max(1, head.AsSpan().Count((byte)'\n'));
        var length = new FileInfo(path).Length;
        var estimate = head.Length >= length ? lines : (length * 1.05 * lines / head.Length) + 16;
        return (int)Math.Min(estimate, int.MaxValue / 4);
    }

    /// <summary>Sets a required cell, such as the task or worker id.</summary>
    /// <exception cref="AnswerFormatException">The cell is empty.</exception>
    public static void Required(AnswerTable table, int column, ReadOnlySpan<byte> cell, string path, int line, string? columnName, string what)
    {
        if (cell.IsEmpty)
        {
            throw new AnswerFormatException(path, line, columnName, $"expected {what}, found an empty cell");
        }

        table.Set(column, cell);
    }

    /// <summary>Sets an optional cell when it is not empty.</summary>
    public static void Optional(AnswerTable table, int column, ReadOnlySpan<byte> cell)
    {
        if (!cell.IsEmpty)
        {
            table.Set(column, cell);
        }
    }

    /// <summary>Sets a timestamp cell from ISO 8601 text (UTC without an offset), written back as UTC with <c>Z</c>.</summary>
    /// <exception cref="AnswerFormatException">The cell is not empty and not an ISO 8601 timestamp.</exception>
    public static void IsoTime(AnswerTable table, int column, ReadOnlySpan<byte> cell, string path, int line, string? columnName)
    {
        if (cell.IsEmpty)
        {
            return;
        }

        if (!Timestamps.TryParseIso(cell, out var ticks))
        {
            throw new AnswerFormatException(path, line, columnName, $"expected an ISO 8601 timestamp such as 2021-03-01T10:00:00.123, found {ValueText.Quote(cell)}");
        }

        Time(table, column, ticks);
    }

    /// <summary>Sets a timestamp cell from UTC ticks, as ISO 8601 with <c>Z</c>.</summary>
    public static void Time(AnswerTable table, int column, long ticks)
    {
        Span<byte> text = stackalloc byte[Timestamps.MaxBytes];
        table.Set(column, text[..Timestamps.FormatIso(ticks, text)]);
    }

    /// <summary>Sets the reward cell from a decimal amount, with an optional leading currency sign <c>$</c>.</summary>
    /// <exception cref="AnswerFormatException">The cell is not empty and not such an amount.</exception>
    public static void Reward(AnswerTable table, ReadOnlySpan<byte> cell, string path, int line, string? columnName)
    {
        var amount = cell.Trim((byte)' ');
        if (amount.StartsWith("$"u8))
        {
            amount = amount[1..].TrimStart((byte)' ');
        }

        if (amount.IsEmpty && cell.IsEmpty)
        {
            return;
        }

        if (!Utf8Parser.TryParse(amount, out decimal _, out var consumed) || consumed != amount.Length)
        {
            throw new AnswerFormatException(path, line, columnName, $"expected an amount such as $0.05 or 0.05, found {ValueText.Quote(cell)}");
        }

        table.Set(CanonicalColumns.Reward, amount);
    }

    /// <summary>Whether <paramref name="cell"/> is a true flag (<c>true</c>, <c>on</c>, <c>yes</c>, <c>1</c>) or a false one (<c>false</c>, <c>off</c>, <c>no</c>, <c>0</c>, empty).</summary>
    /// <exception cref="AnswerFormatException">The cell is neither.</exception>
    public static bool Flag(ReadOnlySpan<byte> cell, string path, int line, string? columnName)
    {
        if (cell.IsEmpty || Is(cell, "false"u8) || Is(cell, "off"u8) || Is(cell, "no"u8) || cell.SequenceEqual("0"u8))
        {
            return false;
        }

        if (Is(cell, "true"u8) || Is(cell, "on"u8) || Is(cell, "yes"u8) || cell.SequenceEqual("1"u8))
        {
            return true;
        }

        throw new AnswerFormatException(path, line, columnName, $"expected true, false, on or an empty cell for an option, found {ValueText.Quote(cell)}");
    }

    private static bool Is(ReadOnlySpan<byte> cell, ReadOnlySpan<byte> word) => System.Text.Ascii.EqualsIgnoreCase(cell, word);
}
