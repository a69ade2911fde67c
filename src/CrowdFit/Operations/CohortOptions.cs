namespace CrowdFit.Operations;

/// <summary>Settings of <see cref="CohortAudit"/> (SPEC G2).</summary>
public sealed record CohortOptions
{
    /// <summary>The column name that groups workers by the country their answers came from.</summary>
    public const string CountryColumn = "country";

    /// <summary>The column name that groups workers by the country of their payment account.</summary>
    public const string PaymentCountryColumn = "payment-country";

    /// <summary>The column name that groups workers by project.</summary>
    public const string ProjectColumn = "project";

    /// <summary>The column name that groups workers by vendor (the agency or channel a worker came through).</summary>
    public const string VendorColumn = "vendor";

    /// <summary>The column name that groups workers by task type.</summary>
    public const string TaskTypeColumn = "task-type";

    /// <summary>The column name that groups workers into tenure bands (old, mid, new) by when they first submitted.</summary>
    public const string TenureColumn = "tenure";

    /// <summary>The default options.</summary>
    public static CohortOptions Default { get; } = new();

    /// <summary>
    /// What defines a worker's cohort: one of <see cref="CountryColumn"/>, <see cref="PaymentCountryColumn"/>,
    /// <see cref="ProjectColumn"/>, <see cref="VendorColumn"/>, <see cref="TaskTypeColumn"/> or <see cref="TenureColumn"/>, compared
    /// ignoring case.
    /// </summary>
    /// <value>"country". Must be one of the names above.</value>
    public string Column { get; init; } = CountryColumn;

    /// <summary>
    /// The least ratio of observed to expected flagged workers for a cohort to be a finding: a cohort flagged
    /// only slightly more often than its tasks explain is not reported, however large and significant.
    /// </summary>
    /// <value>1.5. Must be at least 1 and finite.</value>
    public double MinRatio { get; init; } = 1.5;

    /// <summary>The family-wise significance level: a cohort's Bonferroni-adjusted p-value must be at most this.</summary>
    /// <value>0.01. Must be in (0, 1).</value>
    public double Alpha { get; init; } = 0.01;

    /// <summary>Cohorts with fewer workers are reported without a test (and do not count in the Bonferroni correction).</summary>
    /// <value>10. Must be at least 1.</value>
    public int MinWorkers { get; init; } = 10;

    /// <summary>
    /// Number of strata of workers by the mean difficulty of the tasks they answered; each stratum's flag
    /// rate is the expected flag probability of its workers.
    /// </summary>
    /// <value>5 (quintiles). Must be at least 1; 1 turns the difficulty adjustment off.</value>
    public int DifficultyStrata { get; init; } = 5;

    /// <summary>
    /// Cohorts of at most this many workers get the exact stratified hypergeometric tail; larger ones the normal
    /// approximation with a continuity correction (the exact tail costs O(n²) in the cohort's size).
    /// </summary>
    /// <value>5000. Must be at least 1.</value>
    public int MaxExactWorkers { get; init; } = 5000;

    /// <summary>Every setting that is out of range, one sentence each; empty when all are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        if (!IsKnownColumn(Column))
        {
            problems.Add($"Column must be one of {CountryColumn}, {PaymentCountryColumn}, {ProjectColumn}, {VendorColumn}, {TaskTypeColumn}, {TenureColumn} (was '{Column}').");
        }

        if (!(MinRatio >= 1) || double.IsInfinity(MinRatio))
        {
            problems.Add($"MinRatio must be at least 1 and finite (was {MinRatio}).");
        }

        if (!(Alpha > 0 && Alpha < 1))
        {
            problems.Add($"Alpha must be in (0, 1) (was {Alpha}).");
        }

        if (MinWorkers < 1)
        {
            problems.Add($"MinWorkers must be at least 1 (was {MinWorkers}).");
        }

        if (DifficultyStrata < 1)
        {
            problems.Add($"DifficultyStrata must be at least 1 (was {DifficultyStrata}).");
        }

        if (MaxExactWorkers < 1)
        {
            problems.Add($"MaxExactWorkers must be at least 1 (was {MaxExactWorkers}).");
        }

        return problems;
    }

    private static bool IsKnownColumn(string? column) =>
        column is not null
        && (Is(column, CountryColumn) || Is(column, PaymentCountryColumn) || Is(column, ProjectColumn)
            || Is(column, VendorColumn) || Is(column, TaskTypeColumn) || Is(column, TenureColumn));

    internal static bool Is(string column, string name) => string.Equals(column, name, StringComparison.OrdinalIgnoreCase);
}
