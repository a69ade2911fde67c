namespace CrowdFit.Formats;

/// <summary>One file for <see cref="AtomicFile.WriteAll"/>: where it goes and what writes its bytes.</summary>
/// <param name="Path">The target file; its directory must exist.</param>
/// <param name="Write">Writes the content to the stream it is given (it need not close it).</param>
public sealed record OutputFile(string Path, Action<Stream> Write);
