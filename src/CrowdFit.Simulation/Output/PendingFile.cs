using Microsoft.Win32.SafeHandles;

namespace CrowdFit.Simulation.Output;

/// <summary>
/// A file written under a temporary name beside its final path and renamed into place only by
/// <see cref="Publish"/>. Disposing an unpublished file deletes it, so a failed or cancelled run leaves
/// neither a partial file nor a changed old one.
/// </summary>
/// <remarks>
/// Bytes go into one large buffer; a full buffer is written on a thread-pool thread while a second one
/// fills, so copying into the page cache overlaps with generating the next rows.
/// </remarks>
internal sealed class PendingFile : IDisposable
{
    private readonly string _path;
    private readonly string _temporaryPath;
    private readonly SafeFileHandle _handle;
    private byte[] _buffer;
    private byte[] _spare;
    private Task _writing = Task.CompletedTask;
    private int _used;
    private long _flushed;
    private bool _published;

    public PendingFile(string path, int bufferSize)
    {
        _path = path;
        _temporaryPath = $"{path}.{Path.GetRandomFileName()}.tmp";
        _handle = File.OpenHandle(_temporaryPath, FileMode.CreateNew, FileAccess.Write);
        _buffer = GC.AllocateUninitializedArray<byte>(bufferSize);
        _spare = GC.AllocateUninitializedArray<byte>(bufferSize);
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
        _writing.GetAwaiter().GetResult();
        _handle.Dispose();
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
        // WaitAny, unlike Wait, does not rethrow: a failed write has already failed the run.
        Task.WaitAny(_writing);
        _handle.Dispose();
        if (!_published)
        {
            File.Delete(_temporaryPath);
        }
    }

    private void Flush()
    {
        _writing.GetAwaiter().GetResult();
        _writing = RandomAccess.WriteAsync(_handle, _buffer.AsMemory(0, _used), _flushed).AsTask();
        _flushed += _used;
        _used = 0;
        (_buffer, _spare) = (_spare, _buffer);
    }
}
