using System.Text;

namespace CrowdFit.Formats.Tests;

/// <summary>A fresh temporary directory for one test, deleted with everything in it on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the directory.</summary>
    public TempFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "crowdfit-formats-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The directory.</summary>
    public string Root { get; }

    /// <summary>The path of <paramref name="name"/> in the directory (the file need not exist).</summary>
    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes <paramref name="content"/> as UTF-8 without a byte order mark; returns the path.</summary>
    public string Write(string name, string content) => Write(name, s_utf8.GetBytes(content));

    /// <summary>Writes raw bytes; returns the path.</summary>
    public string Write(string name, byte[] content)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>Reads a file of the directory as UTF-8.</summary>
    public string Read(string name) => File.ReadAllText(PathOf(name), s_utf8);

    /// <summary>Names of the files in the directory, sorted.</summary>
    public string[] FileNames() => [.. Directory.GetFiles(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Deletes the directory.</summary>
    public void Dispose() => Directory.Delete(Root, recursive: true);
}
