using System.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>The answer formats CrowdFit reads and writes, found by name or detected from a file's first bytes.</summary>
public static class AnswerFormats
{
    /// <summary>How many leading bytes of a file detection looks at.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>The least certainty (<see cref="IAnswerFormat.Detect"/>) for a format to be chosen without being named.</summary>
    public const double MinCertainty = 0.5;

    /// <summary>Every supported format, the canonical CSV log first.</summary>
    public static IReadOnlyList<IAnswerFormat> All { get; } =
    [
        new CanonicalCsvFormat(),
        new ParquetFormat(),
        new MTurkFormat(),
        new TolokaFormat(),
        new LabelStudioFormat(),
        new CrowdKitFormat(),
    ];

    /// <summary>The names of every format, for help text and errors.</summary>
    public static string Names => string.Join(", ", All.Select(f => f.Name));

    /// <summary>The format named <paramref name="name"/> (ignoring case), or <see langword="null"/>.</summary>
    /// <param name="name">A format name.</param>
    public static IAnswerFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The format of the file at <paramref name="path"/>: the named one, else the most certain detection, else (for
    /// text no format claims) the canonical CSV log, whose reader then names what is missing.
    /// </summary>
    /// <param name="path">An existing file.</param>
    /// <param name="name">The format the user chose, or <see langword="null"/> to detect it.</param>
    /// <exception cref="AnswerFormatException">
    /// The name is unknown, the file cannot be opened, or no format recognises it.
    /// </exception>
    public static IAnswerFormat Resolve(string path, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (name is not null)
        {
            return Find(name) ?? throw new AnswerFormatException(path, 0, null, $"expected a format among {Names}, found '{name}'");
        }

        var head = Head(path);
        var best = All.Select(f => (Format: f, Certainty: f.Detect(path, head))).MaxBy(p => p.Certainty);
        if (best.Certainty >= MinCertainty)
        {
            return best.Format;
        }

        // Text that no format claims is read as the canonical log, whose reader says precisely what is missing
        // (a required column, a ragged row); binary or JSON files cannot be that and get the general answer.
        if (!LooksBinaryOrJson(head))
        {
            return All[0];
        }

        throw new AnswerFormatException(
            path,
            0,
            null,
            $"expected an answer log in one of the formats {Names}, found none that matches the file's start; name the format with --format");
    }

    /// <summary>Reads the answers of a file in the named or detected format.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The format, or <see langword="null"/> to detect it.</param>
    /// <exception cref="AnswerFormatException">The file is missing, of no known format, or malformed.</exception>
    public static AnswerTable Read(string path, string? name = null) => Resolve(path, name).Read(path);

    /// <summary>
    /// Reads an answer log in any supported format, with optional gold and model scores: the canonical CSV takes the
    /// direct path of <see cref="AnswerLogReader.Read(string, string?, string?, ReaderOptions?)"/>, any other format
    /// goes through its <see cref="AnswerTable"/>.
    /// </summary>
    /// <param name="path">The answers file.</param>
    /// <param name="format">The answers' format, or <see langword="null"/> to detect it.</param>
    /// <param name="goldPath">Gold file (<c>task,label</c>), or <see langword="null"/>.</param>
    /// <param name="scoresPath">Model scores (<c>task,label,score</c>), or <see langword="null"/>.</param>
    /// <param name="options">Reader options.</param>
    /// <exception cref="AnswerFormatException">Any input is missing, of no known format, or malformed.</exception>
    public static AnswerLog ReadLog(string path, string? format = null, string? goldPath = null, string? scoresPath = null, ReaderOptions? options = null)
    {
        var resolved = Resolve(path, format);
        return resolved is CanonicalCsvFormat
            ? AnswerLogReader.Read(path, goldPath, scoresPath, options)
            : AnswerLogReader.Read(resolved.Read(path), goldPath, scoresPath, options);
    }

    private static bool LooksBinaryOrJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        return head.Contains((byte)0) || (!text.IsEmpty && text[0] is (byte)'[' or (byte)'{');
    }

    /// <summary>The first <see cref="HeadBytes"/> bytes of a file (fewer when it is shorter).</summary>
    /// <exception cref="AnswerFormatException">The file does not exist or cannot be read.</exception>
    public static byte[] Head(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var buffer = new byte[(int)Math.Min(HeadBytes, stream.Length)];
            stream.ReadExactly(buffer);
            return buffer;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnswerFormatException(path, 0, null, "expected an existing file, found none (file not found)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnswerFormatException(path, 0, null, $"cannot open the file: {e.Message}");
        }
    }

    /// <summary>
    /// The column names of the first line of <paramref name="head"/> split at <paramref name="separator"/>, trimmed,
    /// lower case, with quotes and a UTF-8 byte order mark removed; a helper for formats' detection.
    /// </summary>
    /// <param name="head">A file's first bytes.</param>
    /// <param name="separator">The field separator, such as a comma or a tab.</param>
    public static IReadOnlyList<string> HeaderNames(ReadOnlySpan<byte> head, byte separator)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            head = head[3..];
        }

        var end = head.IndexOfAny((byte)'\n', (byte)'\r');
        var line = Encoding.UTF8.GetString(end < 0 ? head : head[..end]);
        return [.. line.Split((char)separator).Select(n => n.Trim().Trim('"').Trim().ToLowerInvariant())];
    }
}
