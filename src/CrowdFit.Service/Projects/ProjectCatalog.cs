using System.Collections.Concurrent;

namespace CrowdFit.Service.Projects;

/// <summary>The hosted projects and the database-wide sequence that orders tasks, workers and answers.</summary>
internal sealed class ProjectCatalog
{
    private readonly ConcurrentDictionary<string, ProjectHost> _projects = new(StringComparer.Ordinal);
    private long _seq;

    public IEnumerable<ProjectHost> All => _projects.Values;

    /// <summary>The next sequence number; take it under the project's gate, with the engine change it orders.</summary>
    public long NextSeq() => Interlocked.Increment(ref _seq);

    /// <summary>Continues the sequence after the largest stored number.</summary>
    public void Resume(long last) => Interlocked.Exchange(ref _seq, last);

    public bool TryGet(string id, out ProjectHost host) => _projects.TryGetValue(id, out host!);

    public bool TryAdd(ProjectHost host) => _projects.TryAdd(host.Id, host);
}
