namespace CrowdFit.Formats.Csv;

/// <summary>Opens input files, turning a missing or unreadable file into an <see cref="AnswerFormatException"/>.</summary>
internal static class CsvFile
{
    /// <summary>Opens <paramref name="path"/> for sequential reading by a parser.</summary>
    /// <param name="path">The file.</param>
    /// <param name="blockSize">Bytes read at a time.</param>
    /// <param name="countLines">Whether the parser first counts the lines, to size columns exactly.</param>
    /// <param name="separator">The field separator: a comma, or a tab for tab-separated files.</param>
    /// <exception cref="AnswerFormatException">The file does not exist or cannot be opened.</exception>
    public static Utf8CsvParser Open(string path, int blockSize, bool countLines = false, byte separator = (byte)',')
    {
        FileStream stream;
        try
        {
            // No FileStream buffer: the parser reads whole blocks into its own buffer.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new AnswerFormatException(path, 0, null, "expected an existing file, found none (file not found)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AnswerFormatException(path, 0, null, $"cannot open the file: {e.Message}");
        }

        try
        {
            return new Utf8CsvParser(stream, path, blockSize, countLines, separator);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
