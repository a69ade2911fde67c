using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Operations;

/// <summary>
/// Task risk class and review plan (SPEC G4): every task type gets a class (low, medium, high), the class sets the
/// review method, and the method picks the tasks a reviewer sees.
/// </summary>
/// <remarks>
/// <para>
/// A task's type is the <c>task_type</c> of its first answer (lowest source row). A type the operator names in the
/// <see cref="RiskPolicy"/> keeps that class whatever the data say (the reason still reports when the data would
/// raise it). Any other type starts at <see cref="RiskPolicy.Default"/>; a low one is raised to medium when it has at
/// least <see cref="RiskOptions.MinTasksToInfer"/> tasks and its agreement is under
/// <see cref="RiskOptions.RaiseBelowAgreement"/> or more than <see cref="RiskOptions.RaiseAboveLowConfidenceShare"/>
/// of its tasks have a confidence under <see cref="RiskOptions.EdgeConfidence"/>. A class is never lowered below what
/// the operator set. Without a <c>task_type</c> column every task is of one type, <see cref="AllTypesName"/>, that
/// starts at the default class and is measured the same way.
/// </para>
/// <para>The methods (<see cref="RiskOptions.Method"/> maps a class to one) select:</para>
/// <list type="bullet">
/// <item><description>
/// <see cref="ReviewMethod.SpotCheck"/>: gold tasks are checked against their known label and not sent to a
/// reviewer; of the rest, those whose stable draw is under <see cref="RiskOptions.SpotShare"/>.
/// </description></item>
/// <item><description>
/// <see cref="ReviewMethod.EdgeCaseReview"/>: gold tasks as above; every task whose confidence is under
/// <see cref="RiskOptions.EdgeConfidence"/>, or whose answers name more than one label (when
/// <see cref="RiskOptions.EdgeOnDisagreement"/>); of the rest, those whose draw is under
/// <see cref="RiskOptions.EdgeSpotShare"/>.
/// </description></item>
/// <item><description><see cref="ReviewMethod.ExpertReview"/>: every task, gold included, with an audit trail.</description></item>
/// </list>
/// <para>
/// The draw (<see cref="Draw"/>) is a hash of the task id and <see cref="RiskOptions.Seed"/>, so a task is picked or
/// not whatever else is in the log and however often the plan is run; over many tasks the share picked converges to
/// the configured share. The cost is O(n) in the answers.
/// </para>
/// </remarks>
public static partial class ReviewPlan
{
    /// <summary>The type of every task when the log has no task types.</summary>
    public const string AllTypesName = "(all)";

    /// <summary>The type of tasks whose first answer has no task type.</summary>
    public const string NoTypeName = "(no type)";

    /// <summary>Classifies the task types of a log and selects the tasks to review.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="truth">Truth inferred from <paramref name="answers"/> (the same tasks and labels).</param>
    /// <param name="context">The answers' context, by source row; without one (or without task types) all tasks share one class.</param>
    /// <param name="policy">The operator's classes; <see cref="RiskPolicy.None"/> when null.</param>
    /// <param name="gold">Known labels of some tasks; <see langword="null"/> when there is no gold.</param>
    /// <param name="options">Settings; <see cref="RiskOptions.Default"/> when null.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> or <paramref name="truth"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid, the truth or gold is of another shape than the answers, or an answer's source row is
    /// not in the context.
    /// </exception>
    public static ReviewPlanReport Analyze(
        AnswerSet answers,
        TruthResult truth,
        AnswerContext? context,
        RiskPolicy? policy = null,
        GoldLabels? gold = null,
        RiskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(truth);
        policy ??= RiskPolicy.None;
        options ??= RiskOptions.Default;
        Check(answers, truth, gold, options);

        var column = context?.TaskType;
        var skipped = context is null ? "there is no context: one class for all tasks"
            : column is null ? "the log has no task_type column: one class for all tasks"
            : null;
        var (typeOf, names) = TypeOfTasks(answers, context);
        var types = Classify(Measure(answers, truth, typeOf, names, options), names, column is not null, policy, options);
        var tasks = Select(answers, truth, gold, typeOf, names, types, options);
        var classes = Summarize(tasks, types, options);
        var unused = column is null
            ? policy.TaskTypes.Keys.Order(StringComparer.Ordinal).ToArray()
            : policy.TaskTypes.Keys.Where(k => !names.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        return new ReviewPlanReport
        {
            TypesSkippedBecause = skipped,
            Types = types,
            Tasks = tasks,
            Classes = classes,
            UnusedPolicyTypes = unused,
            Notes = Notes(types, classes, unused, gold),
            Selected = classes.Sum(c => c.Selected),
            UnansweredTasks = answers.TaskCount - tasks.Length,
        };
    }

    private static void Check(AnswerSet answers, TruthResult truth, GoldLabels? gold, RiskOptions options)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid {nameof(RiskOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        if (truth.Answers.TaskCount != answers.TaskCount || truth.Answers.ClassCount != answers.ClassCount)
        {
            throw new ArgumentException(
                $"The truth covers {truth.Answers.TaskCount} tasks and {truth.Answers.ClassCount} labels; the answers have {answers.TaskCount} and {answers.ClassCount}.",
                nameof(truth));
        }

        if (gold is not null && gold.TaskCount != answers.TaskCount)
        {
            throw new ArgumentException($"The gold covers {gold.TaskCount} tasks; the answers have {answers.TaskCount}.", nameof(gold));
        }
    }

    /// <summary>
    /// The type index of every task (-1 for a task without answers) and the type names: the column's values, then
    /// <see cref="NoTypeName"/>; or the single <see cref="AllTypesName"/> without a column.
    /// </summary>
    private static (int[] TypeOf, string[] Names) TypeOfTasks(AnswerSet answers, AnswerContext? context)
    {
        var column = context?.TaskType;
        var typeOf = new int[answers.TaskCount];
        var starts = answers.TaskStarts;
        string[] names = column is null ? [AllTypesName] : [.. column.Values, NoTypeName];
        for (var t = 0; t < typeOf.Length; t++)
        {
            var (start, end) = (starts[t], starts[t + 1]);
            if (start == end)
            {
                typeOf[t] = -1;
                continue;
            }

            if (column is null)
            {
                continue;
            }

            var first = answers.SourceRow(start);
            for (var a = start + 1; a < end; a++)
            {
                first = Math.Min(first, answers.SourceRow(a));
            }

            if ((uint)first >= (uint)column.Count)
            {
                throw new ArgumentException($"The context has {column.Count} rows; task {answers.TaskIds[t]} has an answer at row {first}.", nameof(context));
            }

            typeOf[t] = column.Code(first) is var code and >= 0 ? code : names.Length - 1;
        }

        return (typeOf, names);
    }
}
