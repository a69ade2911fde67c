namespace CrowdFit.Simulation.Output;

/// <summary>
/// A file written under a temporary name beside its final path through one large byte buffer, and renamed
/// into place only by <see cref="Publish"/>. Disposing an unpublished file deletes it, so a failed or
/// cancelled run leaves neither a partial file nor a changed old one.
/// </summary>
internal sealed class PendingFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly FileStream _stream;
    private readonly byte[] _buffer;
    private int _used;
    private long _flushed;
    private bool _published;

    public PendingFile(string path, int bufferSize)
    {
        _path = path;
        _temporaryPath = $"{path}.{Path.GetRandomFileName()}.tmp";

        // The buffer here is the only one; a FileStream buffer would copy every byte a second time.
        _stream = new FileStream(_temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        _buffer = GC.AllocateUninitializedArray<byte>(bufferSize);
    }

    /// <summary>Bytes written so far, buffered or not.</summary>
    public long Length => _flushed + _used;

    /// <summary>
    /// Free buffer space of at least <paramref name="size"/> bytes (at most the buffer size), flushing first
    /// when needed. Follow with <see cref="Advance"/>.
    /// </summary>
    public Span<byte> Reserve(int size)
    {
        if (_buffer.Length - _used < size)
        {
            Flush();
        }

        return _buffer.AsSpan(_used);
    }

    /// <summary>Commits <paramref name="count"/> bytes written into the span from <see cref="Reserve"/>.</summary>
    public void Advance(int count) => _used += count;

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        while (bytes.Length > 0)
        {
            var span = Reserve(1);
            var n = Math.Min(span.Length, bytes.Length);
            bytes[..n].CopyTo(span);
            Advance(n);
            bytes = bytes[n..];
        }
    }

    /// <summary>Writes out the buffer and closes the temporary file.</summary>
    public void Complete()
    {
        Flush();
        _stream.Dispose();
    }

    /// <summary>Renames the completed file to its final path, replacing any file there.</summary>
    public void Publish()
    {
        File.Move(_temporaryPath, _path, overwrite: true);
        _published = true;
    }

    /// <summary>Closes the file and deletes it unless it was published.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (!_published)
        {
            File.Delete(_temporaryPath);
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _flushed += _used;
        _used = 0;
    }
}
