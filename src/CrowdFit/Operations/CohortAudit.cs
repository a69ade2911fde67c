using CrowdFit.Answers;

namespace CrowdFit.Operations;

/// <summary>
/// Cohort audit (SPEC G2): are the workers of one country, payment country, project, vendor or tenure band flagged more
/// often than the difficulty of the tasks they did explains?
/// </summary>
/// <remarks>
/// <para>
/// A worker's cohort is the value of <see cref="CohortOptions.Column"/> on most of their answers (ties go to the
/// value seen first in the column's table), or, for tenure, the tertile of their first submit time counted from the
/// log's first submit: the earliest third is <see cref="OldName"/>, the latest <see cref="NewName"/>. Workers
/// with the same value stay in the same band or stratum, so bands can be uneven when many share a time. Workers
/// without any value form the cohort <see cref="UnknownName"/>.
/// </para>
/// <para>
/// The expectation under "no cohort effect" is indirect standardisation instead of a fitted model: workers are
/// split into <see cref="CohortOptions.DifficultyStrata"/> strata by the mean difficulty of the tasks they
/// answered, each worker's expected flag probability is the flag rate of their stratum among the workers of the
/// other cohorts (the whole stratum when it has no other cohort's workers), and a cohort's expected count is the
/// sum over its workers. Leaving the cohort out keeps a strongly affected cohort from raising its own expectation,
/// which would dilute its ratio towards 1. A cohort that simply got harder tasks is expected to be
/// flagged more, and is not a finding. Task difficulties that are not finite are left out of the means; workers
/// with none left form one extra stratum.
/// </para>
/// <para>
/// The test is one-sided and exact: given each stratum's workers and flagged workers, a cohort without an effect
/// draws its flagged workers in each stratum like a hypergeometric sample, and the p-value is the probability that
/// the sum over strata reaches the observed count (the conditional test of a stratified 2 × 2 table, as in the
/// exact Cochran–Mantel–Haenszel test). Conditioning on the strata's totals accounts for their rates being
/// estimated from the same log, which a test against fixed rates would not. Cohorts over
/// <see cref="CohortOptions.MaxExactWorkers"/> workers use the normal approximation with a continuity correction.
/// The p-values are Bonferroni-corrected over the tested cohorts; a cohort is a finding when its ratio reaches
/// <see cref="CohortOptions.MinRatio"/> and its corrected p-value is at most <see cref="CohortOptions.Alpha"/>.
/// </para>
/// <para>The cost is O(n log n) in the answers plus O(c²) for the exact test of a cohort of c workers.</para>
/// </remarks>
public static partial class CohortAudit
{
    /// <summary>The name of the cohort of workers with no value in the column (or no submit time, for tenure).</summary>
    public const string UnknownName = "(unknown)";

    /// <summary>The tenure band of the earliest third of workers by first submit time.</summary>
    public const string OldName = "old";

    /// <summary>The tenure band of the middle third of workers by first submit time.</summary>
    public const string MidName = "mid";

    /// <summary>The tenure band of the latest third of workers by first submit time.</summary>
    public const string NewName = "new";

    private const int TenureBands = 3;

    /// <summary>Audits the flag rates of the cohorts of one column against what task difficulty explains.</summary>
    /// <param name="answers">The answers.</param>
    /// <param name="context">Their context; needs the chosen column (submit timestamps for tenure).</param>
    /// <param name="workerFlagged">Whether each worker (by worker index) was flagged; <see cref="AnswerSet.WorkerCount"/> entries.</param>
    /// <param name="taskDifficulty">
    /// Difficulty of each task (by task index), e.g. 1 − the posterior probability of its inferred label; any scale
    /// where larger is harder, since only the order of workers' means is used. <see cref="AnswerSet.TaskCount"/> entries.
    /// </param>
    /// <param name="options">Settings; <see cref="CohortOptions.Default"/> when null.</param>
    /// <returns>
    /// The report; when the context lacks the column, a report with <see cref="CohortReport.SkippedBecause"/> set
    /// and no cohorts. Workers without answers are left out.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="answers"/> or <paramref name="context"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The options are invalid, a span has the wrong length, or an answer's source row is not in the context.
    /// </exception>
    public static CohortReport Analyze(
        AnswerSet answers,
        AnswerContext context,
        ReadOnlySpan<bool> workerFlagged,
        ReadOnlySpan<double> taskDifficulty,
        CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(context);
        options ??= CohortOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Invalid {nameof(CohortOptions)}: {string.Join(" ", problems)}", nameof(options));
        }

        if (workerFlagged.Length != answers.WorkerCount)
        {
            throw new ArgumentException($"Expected one flag per worker ({answers.WorkerCount}); got {workerFlagged.Length}.", nameof(workerFlagged));
        }

        if (taskDifficulty.Length != answers.TaskCount)
        {
            throw new ArgumentException($"Expected one difficulty per task ({answers.TaskCount}); got {taskDifficulty.Length}.", nameof(taskDifficulty));
        }

        var column = Canonical(options.Column);
        var tenure = column == CohortOptions.TenureColumn;
        var categories = tenure ? null : Categories(context, column);
        if (tenure ? !context.HasSubmittedAt : categories is null)
        {
            return new CohortReport { SkippedBecause = MissingReason(column), Column = column };
        }

        if (answers.Count > 0 && context.RowCount <= MaxSourceRow(answers))
        {
            throw new ArgumentException($"The context has {context.RowCount} rows; the answers refer to row {MaxSourceRow(answers)}.", nameof(context));
        }

        var (order, workerStart) = answers.ByWorker();
        string[] names;
        int[] cohort;
        if (categories is null)
        {
            names = [OldName, MidName, NewName, UnknownName];
            cohort = TenureCohorts(answers, context.SubmittedAtTicks, order, workerStart);
        }
        else
        {
            names = [.. categories.Values, UnknownName];
            cohort = CategoryCohorts(answers, categories, order, workerStart);
        }

        var (stratum, stratumRates) = Strata(answers, taskDifficulty, workerFlagged, order, workerStart, options.DifficultyStrata);
        return Report(column, names, cohort, stratum, stratumRates, workerFlagged, options);
    }

    private static string Canonical(string column) =>
        CohortOptions.Is(column, CohortOptions.CountryColumn) ? CohortOptions.CountryColumn
        : CohortOptions.Is(column, CohortOptions.PaymentCountryColumn) ? CohortOptions.PaymentCountryColumn
        : CohortOptions.Is(column, CohortOptions.ProjectColumn) ? CohortOptions.ProjectColumn
        : CohortOptions.Is(column, CohortOptions.VendorColumn) ? CohortOptions.VendorColumn
        : CohortOptions.Is(column, CohortOptions.TaskTypeColumn) ? CohortOptions.TaskTypeColumn
        : CohortOptions.TenureColumn;

    private static CategoricalColumn? Categories(AnswerContext context, string column) => column switch
    {
        CohortOptions.CountryColumn => context.Country,
        CohortOptions.PaymentCountryColumn => context.PaymentCountry,
        CohortOptions.ProjectColumn => context.Project,
        CohortOptions.VendorColumn => context.Vendor,
        _ => context.TaskType,
    };

    private static string MissingReason(string column) => column == CohortOptions.TenureColumn
        ? "the log has no submit timestamps, so workers cannot be grouped by tenure"
        : $"the log has no {Describe(column)} column, so workers cannot be grouped by {Describe(column)}";

    /// <summary>The column's name as a reader says it ("payment country").</summary>
    private static string Describe(string column) => column.Replace('-', ' ');

    private static int MaxSourceRow(AnswerSet answers)
    {
        var max = 0;
        for (var a = 0; a < answers.Count; a++)
        {
            max = Math.Max(max, answers.SourceRow(a));
        }

        return max;
    }
}
