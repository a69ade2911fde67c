using System.Collections.Frozen;
using System.Text.Json;
using CrowdFit.Live;
using CrowdFit.Quality;
using CrowdFit.Routing;
using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Projects;

/// <summary>
/// One hosted project: its settings and its <see cref="LiveProject"/>. Every change to the engine happens under
/// <see cref="Gate"/> together with queuing its write, so the stored order is the order the engine saw.
/// </summary>
internal sealed class ProjectHost
{
    private readonly HashSet<string> _taskSet = new(StringComparer.Ordinal);
    private readonly List<string> _tasks = [];
    private readonly FrozenSet<string> _labels;
    private readonly FrozenSet<string> _types;
    private int _answersAtRefit;

    public ProjectHost(ProjectRow row, int refitEvery)
    {
        Row = row;
        Labels = JsonSerializer.Deserialize<string[]>(row.Labels) ?? [];
        TaskTypes = JsonSerializer.Deserialize<string[]>(row.TaskTypes) ?? [];
        Requirements = JsonSerializer.Deserialize<RequirementsDto>(row.Requirements, JsonSerializerOptions.Web) ?? new RequirementsDto(null, null, null);
        _labels = Labels.ToFrozenSet(StringComparer.Ordinal);
        _types = TaskTypes.ToFrozenSet(StringComparer.Ordinal);
        Live = new LiveProject(Options(Labels, row.Aql, row.MaxAnswers, Requirements, refitEvery));
    }

    public ProjectRow Row { get; }

    public string Id => Row.Id;

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<string> TaskTypes { get; }

    public RequirementsDto Requirements { get; }

    public LiveProject Live { get; }

    public Lock Gate { get; } = new();

    /// <summary>The engine settings for a project; background re-estimation, as a service needs.</summary>
    public static LiveProjectOptions Options(IReadOnlyList<string> labels, double aql, int maxAnswers, RequirementsDto requirements, int refitEvery) => new()
    {
        Labels = labels,
        Quality = new AqlOptions { Aql = aql, MaxAnswers = maxAnswers },
        Requirements = new WorkerRequirements
        {
            Qualifications = (requirements.Qualifications ?? []).ToFrozenSet(StringComparer.Ordinal),
            MinAccuracy = requirements.MinAccuracy ?? 0,
            Regions = (requirements.Regions ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase),
        },
        RefitEvery = refitEvery,
        Background = true,
    };

    public bool HasLabel(string label) => _labels.Contains(label);

    /// <summary>Whether the type is allowed: any type when the project lists none.</summary>
    public bool AllowsType(string? type) => _types.Count == 0 || (type is not null && _types.Contains(type));

    /// <summary>Whether the task exists; call under <see cref="Gate"/>.</summary>
    public bool HasTask(string task) => _taskSet.Contains(task);

    /// <summary>Adds a task to the engine; call under <see cref="Gate"/>.</summary>
    public void AddTask(string task, string? type, string? gold)
    {
        Live.AddTask(task, type, gold);
        _taskSet.Add(task);
        _tasks.Add(task);
    }

    /// <summary>The tasks in the order they were added; call under <see cref="Gate"/>.</summary>
    public IReadOnlyList<string> Tasks => _tasks;

    /// <summary>
    /// Replays a stored answer at startup. Where the engine starts a background re-estimation (every
    /// <see cref="LiveProjectOptions.RefitEvery"/> answers, or a <see cref="LiveProjectOptions.RefitGrowth"/>
    /// share of the log if more), it waits for it, so the rebuilt state is the same at every restart.
    /// </summary>
    public TaskDecision Replay(string task, string worker, string label)
    {
        var version = Live.ModelVersion;
        var decision = Live.Submit(task, worker, label);
        var count = Live.AnswerCount;
        var options = Live.Options;
        if (count - _answersAtRefit >= Math.Max(options.RefitEvery, (int)(options.RefitGrowth * _answersAtRefit)))
        {
            _answersAtRefit = count;
            if (!SpinWait.SpinUntil(() => Live.ModelVersion > version, TimeSpan.FromMinutes(5)))
            {
                throw new InvalidOperationException($"Project '{Id}': the re-estimation at answer {count} did not finish during the replay.");
            }
        }

        return decision;
    }

    public ProjectDto ToDto() => new(
        Row.Id, Row.Name, Live.Labels, Row.Aql, Row.MaxAnswers, TaskTypes, Requirements, Live.TaskCount, Live.AnswerCount, Live.ModelVersion);
}
