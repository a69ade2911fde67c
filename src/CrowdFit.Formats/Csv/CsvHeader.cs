using System.Text;

namespace CrowdFit.Formats.Csv;

/// <summary>The header row of a CSV file: column names, matched without case and surrounding blanks.</summary>
internal sealed class CsvHeader
{
    private readonly Utf8CsvParser _parser;
    private readonly string[] _names;

    private CsvHeader(Utf8CsvParser parser, string[] names)
    {
        _parser = parser;
        _names = names;
    }

    /// <summary>Number of columns.</summary>
    public int Count => _names.Length;

    /// <summary>
    /// Reads the first record of <paramref name="parser"/> as the header and tells the parser the names.
    /// </summary>
    /// <param name="parser">A parser positioned at the start of the file.</param>
    /// <param name="expected">The required columns, for the message when the file is empty.</param>
    /// <exception cref="AnswerFormatException">The file is empty, a name repeats, or the file looks like UTF-16.</exception>
    public static CsvHeader Read(Utf8CsvParser parser, string expected)
    {
        if (!parser.ReadRecord())
        {
            throw new AnswerFormatException(parser.Path, 1, null, $"expected a header row ({expected}), found an empty file");
        }

        var names = new string[parser.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            var raw = parser.Field(i);
            if (raw.Contains((byte)0))
            {
                throw new AnswerFormatException(parser.Path, 1, null, "expected UTF-8 text, found NUL bytes (UTF-16 without a byte order mark?); save the file as UTF-8");
            }

            names[i] = Encoding.UTF8.GetString(raw).Trim().ToLowerInvariant();
            if (names[i].Length > 0 && Array.IndexOf(names, names[i], 0, i) >= 0)
            {
                throw new AnswerFormatException(parser.Path, 1, names[i], $"expected each column once, found {ValueText.Quote(names[i])} twice in the header");
            }
        }

        parser.ColumnNames = names;
        return new CsvHeader(parser, names);
    }

    /// <summary>Index of column <paramref name="name"/>, or -1.</summary>
    public int IndexOf(string name) => Array.IndexOf(_names, name);

    /// <summary>Index of column <paramref name="name"/>.</summary>
    /// <exception cref="AnswerFormatException">The header has no such column.</exception>
    public int Require(string name)
    {
        var index = IndexOf(name);
        if (index < 0)
        {
            throw new AnswerFormatException(
                _parser.Path,
                1,
                name,
                $"expected a required column '{name}' in the header, found only {string.Join(",", _names.Select(ValueText.Quote))}");
        }

        return index;
    }
}
