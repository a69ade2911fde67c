using System.Runtime.ExceptionServices;

namespace CrowdFit.Formats;

/// <summary>
/// Writes files so that readers never see a partial one: content goes to a temporary file in the target's
/// directory, which then replaces the target in one rename.
/// </summary>
/// <remarks>
/// On failure the temporary files are deleted and the targets keep their old content. The rename is atomic
/// for other processes; the data is not flushed to disk first, so after a power loss a file may be empty.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Writes one file atomically.</summary>
    /// <param name="path">The target file; its directory must exist.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The file cannot be written (for example, the directory is missing).</exception>
    public static void Write(string path, Action<Stream> write) => WriteAll(new OutputFile(path, write));

    /// <summary>
    /// Writes several files so that either all of them are replaced or none: every temporary file is written
    /// first, and only then are they renamed over the targets.
    /// </summary>
    /// <param name="outputs">The files; no two may have the same path.</param>
    /// <exception cref="ArgumentNullException">An output or one of its members is null.</exception>
    /// <exception cref="ArgumentException">Two outputs have the same path.</exception>
    /// <exception cref="IOException">A file cannot be written; no target has changed.</exception>
    /// <remarks>
    /// Whatever a writer throws is rethrown after the temporary files are deleted. Should a rename itself fail
    /// (rare: the temporary file is in the same directory), the targets renamed before it keep their new content.
    /// </remarks>
    public static void WriteAll(params ReadOnlySpan<OutputFile> outputs)
    {
        var targets = new string[outputs.Length];
        for (var i = 0; i < outputs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(outputs[i]);
            ArgumentNullException.ThrowIfNull(outputs[i].Path);
            ArgumentNullException.ThrowIfNull(outputs[i].Write);
            targets[i] = Path.GetFullPath(outputs[i].Path);
            if (Array.IndexOf(targets, targets[i], 0, i) >= 0)
            {
                throw new ArgumentException($"The output '{outputs[i].Path}' is given twice.", nameof(outputs));
            }
        }

        var temps = new string?[outputs.Length];
        try
        {
            for (var i = 0; i < outputs.Length; i++)
            {
                temps[i] = TempPath(targets[i]);
            }

            WriteTemporaries(outputs.ToArray(), temps);
            for (var i = 0; i < outputs.Length; i++)
            {
                File.Move(temps[i]!, targets[i], overwrite: true);
                temps[i] = null;
            }
        }
        finally
        {
            foreach (var temp in temps)
            {
                if (temp is not null)
                {
                    TryDelete(temp);
                }
            }
        }
    }

    /// <summary>
    /// Writes every output to its temporary file, side by side: the writers are independent and each formats
    /// into its own stream. When writers throw, the first failure in output order is rethrown as it was.
    /// </summary>
    private static void WriteTemporaries(OutputFile[] outputs, string?[] temps)
    {
        var failures = new Exception?[outputs.Length];
        Parallel.For(0, outputs.Length, i =>
        {
            try
            {
                using var stream = new FileStream(temps[i]!, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                outputs[i].Write(stream);
            }
            catch (Exception failure)
            {
                failures[i] = failure;
            }
        });

        foreach (var failure in failures)
        {
            if (failure is not null)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
    }

    private static string TempPath(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Path.GetRandomFileName()}.tmp");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure matters more than a leftover temporary file.
        }
    }
}
