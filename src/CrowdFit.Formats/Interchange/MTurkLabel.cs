using CrowdFit.Formats.Csv;

namespace CrowdFit.Formats.Interchange;

/// <summary>Where a batch results row holds its label: one answer column, or one flag column per option.</summary>
internal sealed class MTurkLabel
{
    private readonly int _column = -1;
    private readonly int[] _options = [];
    private readonly byte[][] _optionNames = [];
    private readonly string _group = string.Empty;

    /// <summary>The label is the text of one column.</summary>
    public MTurkLabel(int column) => _column = column;

    /// <summary>The label is the name of the one option whose flag column is set.</summary>
    public MTurkLabel(int[] options, byte[][] optionNames, string group)
    {
        _group = group;
        _options = options;
        _optionNames = optionNames;
    }

    /// <summary>The label of the current record.</summary>
    /// <exception cref="AnswerFormatException">The answer is empty, or not exactly one option is set.</exception>
    public ReadOnlySpan<byte> Read(Utf8CsvParser parser, ExportHeader header)
    {
        var line = parser.RecordLine;
        if (_column >= 0)
        {
            var text = parser.Field(_column);
            return text.IsEmpty
                ? throw new AnswerFormatException(parser.Path, line, header.Names[_column], "expected the worker's answer, found an empty cell")
                : text;
        }

        var chosen = -1;
        for (var i = 0; i < _options.Length; i++)
        {
            if (!ImportCells.Flag(parser.Field(_options[i]), parser.Path, line, header.Names[_options[i]]))
            {
                continue;
            }

            if (chosen >= 0)
            {
                throw new AnswerFormatException(
                    parser.Path,
                    line,
                    header.Names[_options[i]],
                    $"expected one option set, found two: '{header.Names[_options[chosen]]}' and '{header.Names[_options[i]]}'");
            }

            chosen = i;
        }

        return chosen >= 0
            ? _optionNames[chosen]
            : throw new AnswerFormatException(
                parser.Path,
                line,
                _group,
                $"expected one option set among {string.Join(", ", _options.Select(o => header.Names[o]))}, found none");
    }
}
