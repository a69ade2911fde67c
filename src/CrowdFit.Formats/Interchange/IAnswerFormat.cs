namespace CrowdFit.Formats.Interchange;

/// <summary>A file format CrowdFit reads answers from and writes answers to: the canonical log or a platform's export.</summary>
public interface IAnswerFormat
{
    /// <summary>The name users select the format by, such as <c>csv</c> or <c>mturk</c>: lower case, no spaces.</summary>
    string Name { get; }

    /// <summary>One line saying what the format is, for help text.</summary>
    string Description { get; }

    /// <summary>The file extension written by default, with its dot, such as <c>.csv</c>.</summary>
    string Extension { get; }

    /// <summary>
    /// How sure, from 0 (not this format) to 1 (certainly this format), that a file is in this format, judged from
    /// its name and its first bytes.
    /// </summary>
    /// <param name="path">The file's path (its extension may help).</param>
    /// <param name="head">The file's first bytes (up to 64 KiB; fewer when the file is shorter).</param>
    double Detect(string path, ReadOnlySpan<byte> head);

    /// <summary>Reads the answers of a file in this format.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The answers in the canonical columns, each row with its line (or record number) in the file.</returns>
    /// <exception cref="AnswerFormatException">The file is missing or malformed; the message names file, line and field.</exception>
    AnswerTable Read(string path);

    /// <summary>Writes answers in this format.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="stream">Where to write; left open.</param>
    void Write(AnswerTable answers, Stream stream);
}
