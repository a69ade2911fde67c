using System.Diagnostics.CodeAnalysis;

namespace CrowdFit.Answers;

/// <summary>
/// What is known about each answer besides its label: when it was started and submitted, from which IP
/// address, device and country, with which payment country, for which task type, reward and project, and
/// through which vendor.
/// </summary>
/// <remarks>
/// Rows are <em>source rows</em>: row <c>r</c> describes the answer at <see cref="AnswerSet.SourceRow"/> = r, so
/// the context of answer position <c>a</c> is row <c>answers.SourceRow(a)</c>. A column the source did not
/// have is absent (its <c>Has…</c> flag is false); a present column can still miss single values (an
/// empty cell, or a row added by a model rather than read from the log). Timestamps are UTC ticks
/// (100 ns since 0001-01-01) with <see cref="MissingTicks"/> for a missing value; rewards use
/// <see cref="double.NaN"/>.
/// </remarks>
public sealed class AnswerContext
{
    /// <summary>The tick value of a missing timestamp.</summary>
    public const long MissingTicks = long.MinValue;

    private readonly long[]? _startedAt;
    private readonly long[]? _submittedAt;
    private readonly double[]? _reward;

    /// <summary>Creates a context, taking ownership of the arrays (they must not be changed afterwards).</summary>
    /// <param name="rowCount">Number of source rows; every present column has this many entries.</param>
    /// <param name="startedAtTicks">UTC ticks when work on each answer started, or <see langword="null"/> when absent.</param>
    /// <param name="submittedAtTicks">UTC ticks when each answer was submitted, or <see langword="null"/> when absent.</param>
    /// <param name="ip">IP address per row, or <see langword="null"/> when absent.</param>
    /// <param name="device">Device or browser fingerprint per row, or <see langword="null"/> when absent.</param>
    /// <param name="country">Country the answer came from, or <see langword="null"/> when absent.</param>
    /// <param name="paymentCountry">Country of the worker's payment account, or <see langword="null"/> when absent.</param>
    /// <param name="taskType">Task type per row, or <see langword="null"/> when absent.</param>
    /// <param name="project">Project per row, or <see langword="null"/> when absent.</param>
    /// <param name="reward">Reward paid per answer (currency of the source), NaN where missing, or <see langword="null"/> when absent.</param>
    /// <param name="vendor">Vendor (supplier or sourcing channel) of the worker per row, or <see langword="null"/> when absent.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowCount"/> is negative.</exception>
    /// <exception cref="ArgumentException">A present column does not have <paramref name="rowCount"/> entries.</exception>
    public AnswerContext(
        int rowCount,
        long[]? startedAtTicks = null,
        long[]? submittedAtTicks = null,
        CategoricalColumn? ip = null,
        CategoricalColumn? device = null,
        CategoricalColumn? country = null,
        CategoricalColumn? paymentCountry = null,
        CategoricalColumn? taskType = null,
        CategoricalColumn? project = null,
        double[]? reward = null,
        CategoricalColumn? vendor = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        CheckLength(startedAtTicks?.Length, rowCount, nameof(startedAtTicks));
        CheckLength(submittedAtTicks?.Length, rowCount, nameof(submittedAtTicks));
        CheckLength(ip?.Count, rowCount, nameof(ip));
        CheckLength(device?.Count, rowCount, nameof(device));
        CheckLength(country?.Count, rowCount, nameof(country));
        CheckLength(paymentCountry?.Count, rowCount, nameof(paymentCountry));
        CheckLength(taskType?.Count, rowCount, nameof(taskType));
        CheckLength(project?.Count, rowCount, nameof(project));
        CheckLength(reward?.Length, rowCount, nameof(reward));
        CheckLength(vendor?.Count, rowCount, nameof(vendor));
        RowCount = rowCount;
        _startedAt = startedAtTicks;
        _submittedAt = submittedAtTicks;
        Ip = ip;
        Device = device;
        Country = country;
        PaymentCountry = paymentCountry;
        TaskType = taskType;
        Project = project;
        _reward = reward;
        Vendor = vendor;
    }

    /// <summary>Number of source rows.</summary>
    public int RowCount { get; }

    /// <summary>Whether the source had start timestamps.</summary>
    public bool HasStartedAt => _startedAt is not null;

    /// <summary>Whether the source had submit timestamps.</summary>
    public bool HasSubmittedAt => _submittedAt is not null;

    /// <summary>Whether the source had rewards.</summary>
    public bool HasReward => _reward is not null;

    /// <summary>Whether the source had IP addresses.</summary>
    [MemberNotNullWhen(true, nameof(Ip))]
    public bool HasIp => Ip is not null;

    /// <summary>Whether the source had devices.</summary>
    [MemberNotNullWhen(true, nameof(Device))]
    public bool HasDevice => Device is not null;

    /// <summary>Whether the source had countries.</summary>
    [MemberNotNullWhen(true, nameof(Country))]
    public bool HasCountry => Country is not null;

    /// <summary>Whether the source had payment countries.</summary>
    [MemberNotNullWhen(true, nameof(PaymentCountry))]
    public bool HasPaymentCountry => PaymentCountry is not null;

    /// <summary>Whether the source had task types.</summary>
    [MemberNotNullWhen(true, nameof(TaskType))]
    public bool HasTaskType => TaskType is not null;

    /// <summary>Whether the source had projects.</summary>
    [MemberNotNullWhen(true, nameof(Project))]
    public bool HasProject => Project is not null;

    /// <summary>Whether the source had vendors.</summary>
    [MemberNotNullWhen(true, nameof(Vendor))]
    public bool HasVendor => Vendor is not null;

    /// <summary>IP address per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? Ip { get; }

    /// <summary>Device or browser fingerprint per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? Device { get; }

    /// <summary>Country the answer came from per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? Country { get; }

    /// <summary>Country of the worker's payment account per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? PaymentCountry { get; }

    /// <summary>Task type per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? TaskType { get; }

    /// <summary>Project per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? Project { get; }

    /// <summary>Vendor (supplier or sourcing channel) per row; <see langword="null"/> when absent.</summary>
    public CategoricalColumn? Vendor { get; }

    /// <summary>Start times as UTC ticks (<see cref="MissingTicks"/> where missing); empty when absent.</summary>
    public ReadOnlySpan<long> StartedAtTicks => _startedAt;

    /// <summary>Submit times as UTC ticks (<see cref="MissingTicks"/> where missing); empty when absent.</summary>
    public ReadOnlySpan<long> SubmittedAtTicks => _submittedAt;

    /// <summary>Rewards (<see cref="double.NaN"/> where missing); empty when absent.</summary>
    public ReadOnlySpan<double> Rewards => _reward;

    /// <summary>When work on row <paramref name="row"/> started (UTC); <see langword="null"/> when missing or absent.</summary>
    public DateTimeOffset? StartedAt(int row) => ToTime(_startedAt, row);

    /// <summary>When row <paramref name="row"/> was submitted (UTC); <see langword="null"/> when missing or absent.</summary>
    public DateTimeOffset? SubmittedAt(int row) => ToTime(_submittedAt, row);

    /// <summary>
    /// Time between start and submit of row <paramref name="row"/>; <see langword="null"/> when either is
    /// missing. Negative when the source says the answer was submitted before it was started.
    /// </summary>
    public TimeSpan? Duration(int row) =>
        _startedAt is null || _submittedAt is null || _startedAt[row] == MissingTicks || _submittedAt[row] == MissingTicks
            ? null
            : TimeSpan.FromTicks(_submittedAt[row] - _startedAt[row]);

    /// <summary>Reward of row <paramref name="row"/>; <see cref="double.NaN"/> when missing or absent.</summary>
    public double Reward(int row) => _reward is null ? double.NaN : _reward[row];

    /// <summary>The context of the chosen rows, in the given order: row i of the result is row <c>rows[i]</c> of this one.</summary>
    /// <param name="rows">Row indices, each below <see cref="RowCount"/>.</param>
    /// <exception cref="IndexOutOfRangeException">A row is not below <see cref="RowCount"/>.</exception>
    public AnswerContext Select(ReadOnlySpan<int> rows) => new(
        rows.Length,
        Pick(_startedAt, rows),
        Pick(_submittedAt, rows),
        Ip?.Select(rows),
        Device?.Select(rows),
        Country?.Select(rows),
        PaymentCountry?.Select(rows),
        TaskType?.Select(rows),
        Project?.Select(rows),
        Pick(_reward, rows),
        Vendor?.Select(rows));

    private static T[]? Pick<T>(T[]? column, ReadOnlySpan<int> rows)
    {
        if (column is null)
        {
            return null;
        }

        var picked = new T[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = column[rows[i]];
        }

        return picked;
    }

    private static DateTimeOffset? ToTime(long[]? ticks, int row) =>
        ticks is null || ticks[row] == MissingTicks ? null : new DateTimeOffset(ticks[row], TimeSpan.Zero);

    private static void CheckLength(int? length, int rowCount, string name)
    {
        if (length is { } n && n != rowCount)
        {
            throw new ArgumentException($"The column has {n} rows; expected {rowCount}.", name);
        }
    }
}
