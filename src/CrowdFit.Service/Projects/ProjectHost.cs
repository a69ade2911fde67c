using System.Collections.Frozen;
using System.Text.Json;
using CrowdFit.Fraud;
using CrowdFit.Fraud.Rules;
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

    /// <param name="row">The stored settings.</param>
    /// <param name="refitEvery">Answers between re-estimations.</param>
    /// <param name="store">Where the project's rules read its answers' times at each re-estimation.</param>
    public ProjectHost(ProjectRow row, int refitEvery, Database store)
    {
        Row = row;
        Labels = JsonSerializer.Deserialize<string[]>(row.Labels) ?? [];
        TaskTypes = JsonSerializer.Deserialize<string[]>(row.TaskTypes) ?? [];
        Requirements = JsonSerializer.Deserialize<RequirementsDto>(row.Requirements, JsonSerializerOptions.Web) ?? new RequirementsDto(null, null, null);
        Pay = row.Pay is null ? null : JsonSerializer.Deserialize<PayDto>(row.Pay, JsonSerializerOptions.Web);
        _labels = Labels.ToFrozenSet(StringComparer.Ordinal);
        _types = TaskTypes.ToFrozenSet(StringComparer.Ordinal);
        Rules = ProjectRules.Parse(row.Rules);
        var rules = Rules is null ? null : new ProjectRuleDetector(Rules, store, row.Id);
        Live = new LiveProject(Options(Labels, row.Aql, row.MaxAnswers, Requirements, refitEvery, Confirmed, rules));
    }

    public ProjectRow Row { get; }

    public string Id => Row.Id;

    public IReadOnlyList<string> Labels { get; }

    public IReadOnlyList<string> TaskTypes { get; }

    public RequirementsDto Requirements { get; }

    /// <summary>The project's pay with its defaults filled in, or null when it sets none.</summary>
    public PayDto? Pay { get; }

    /// <summary>The project's hard fraud rules, or null when it sets none.</summary>
    public FraudRules? Rules { get; }

    public LiveProject Live { get; }

    /// <summary>Analysts' decisions, which train the supervised fraud model at each re-estimation.</summary>
    public Review.ConfirmedCases Confirmed { get; } = new();

    public Lock Gate { get; } = new();

    /// <summary>When workers were handed tasks, for answers sent without a start time; use under <see cref="Gate"/>.</summary>
    public Assignments.Handouts Handouts { get; } = new();

    /// <summary>The engine settings for a project; background re-estimation, as a service needs; <paramref name="rules"/> runs after the usual detectors.</summary>
    public static LiveProjectOptions Options(
        IReadOnlyList<string> labels, double aql, int maxAnswers, RequirementsDto requirements, int refitEvery, IStackedDetectorSource? stacked = null,
        IFraudDetector? rules = null) => new()
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
        StackedDetectors = stacked,
        DetectorSet = rules is null ? FraudDetectors.ForRouted() : FraudDetectors.ForRouted(rules),
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
        Row.Id, Row.Name, Live.Labels, Row.Aql, Row.MaxAnswers, TaskTypes, Requirements, Live.TaskCount, Live.AnswerCount, Live.ModelVersion, Pay,
        ProjectRules.Element(Row.Rules), ProjectRules.NotChecked(Rules, TaskTypes));
}
