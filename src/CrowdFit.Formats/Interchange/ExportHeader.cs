using System.Text;
using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>The header row of a platform's CSV or TSV export: column names as written, matched ignoring case.</summary>
internal sealed class ExportHeader
{
    private readonly string _path;
    private readonly string[] _names;

    private ExportHeader(string path, string[] names)
    {
        _path = path;
        _names = names;
    }

    /// <summary>The file the header belongs to.</summary>
    public string Path => _path;

    /// <summary>Number of columns.</summary>
    public int Count => _names.Length;

    /// <summary>The column names as written in the file, trimmed.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>Reads the first record of <paramref name="parser"/> as the header and tells the parser the names.</summary>
    /// <param name="parser">A parser at the start of the file.</param>
    /// <param name="expected">The columns the format needs, for the message when the file is empty.</param>
    /// <exception cref="AnswerFormatException">The file is empty, a name repeats, or the file looks like UTF-16.</exception>
    public static ExportHeader Read(Utf8CsvParser parser, string expected)
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

            names[i] = Encoding.UTF8.GetString(raw).Trim();
            for (var j = 0; j < i; j++)
            {
                if (names[i].Length > 0 && string.Equals(names[i], names[j], StringComparison.OrdinalIgnoreCase))
                {
                    throw new AnswerFormatException(parser.Path, 1, names[i], $"expected each column once, found {ValueText.Quote(names[i])} twice in the header");
                }
            }
        }

        parser.ColumnNames = names;
        return new ExportHeader(parser.Path, names);
    }

    /// <summary>Index of column <paramref name="name"/> (ignoring case), or -1.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Index of column <paramref name="name"/>.</summary>
    /// <exception cref="AnswerFormatException">The header has no such column.</exception>
    public int Require(string name)
    {
        var index = IndexOf(name);
        return index >= 0 ? index : throw Missing(name, $"a required column '{name}'");
    }

    /// <summary>The error for a header that lacks what the format needs, listing the columns it has.</summary>
    public AnswerFormatException Missing(string column, string expected) =>
        new(_path, 1, column, $"expected {expected} in the header, found only {string.Join(",", _names.Select(ValueText.Quote))}");
}
