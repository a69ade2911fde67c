using System.Globalization;
using CrowdFit.Answers;
using CrowdFit.Formats.Columns;
using CrowdFit.Formats.Csv;
using CrowdFit.Formats.Text;

namespace CrowdFit.Formats.Reading;

/// <summary>Collects the optional per-answer columns of an answers file into an <see cref="AnswerContext"/>.</summary>
internal sealed class ContextReader
{
    private readonly Utf8CsvParser _parser;
    private readonly int _startedAt;
    private readonly int _submittedAt;
    private readonly int _reward;
    private readonly GrowableColumn<long>? _startedTicks;
    private readonly GrowableColumn<long>? _submittedTicks;
    private readonly GrowableColumn<double>? _rewards;
    private readonly CategoricalReader? _ip;
    private readonly CategoricalReader? _device;
    private readonly CategoricalReader? _country;
    private readonly CategoricalReader? _paymentCountry;
    private readonly CategoricalReader? _taskType;
    private readonly CategoricalReader? _project;
    private readonly CategoricalReader? _vendor;

    private ContextReader(Utf8CsvParser parser, CsvHeader header, int capacity)
    {
        _parser = parser;
        _startedAt = header.IndexOf("started_at");
        _submittedAt = header.IndexOf("submitted_at");
        _reward = header.IndexOf("reward");
        _startedTicks = _startedAt < 0 ? null : new(capacity);
        _submittedTicks = _submittedAt < 0 ? null : new(capacity);
        _rewards = _reward < 0 ? null : new(capacity);
        _ip = Categorical(header, "ip", capacity);
        _device = Categorical(header, "device", capacity);
        _country = Categorical(header, "country", capacity);
        _paymentCountry = Categorical(header, "payment_country", capacity);
        _taskType = Categorical(header, "task_type", capacity);
        _project = Categorical(header, "project", capacity);
        _vendor = Categorical(header, "vendor", capacity);
    }

    /// <summary>A reader for the optional columns of <paramref name="header"/>; <see langword="null"/> when it has none.</summary>
    /// <param name="parser">The parser, positioned after the header.</param>
    /// <param name="header">The header.</param>
    /// <param name="capacity">Expected number of rows.</param>
    public static ContextReader? Create(Utf8CsvParser parser, CsvHeader header, int capacity)
    {
        string[] optional = ["started_at", "submitted_at", "reward", "ip", "device", "country", "payment_country", "task_type", "project", "vendor"];
        return optional.Any(name => header.IndexOf(name) >= 0) ? new ContextReader(parser, header, capacity) : null;
    }

    /// <summary>Appends the optional cells of the parser's current record.</summary>
    /// <exception cref="AnswerFormatException">A timestamp or reward cannot be parsed.</exception>
    public void Add()
    {
        _startedTicks?.Add(Time(_startedAt));
        _submittedTicks?.Add(Time(_submittedAt));
        _rewards?.Add(Reward());
        _ip?.Add(_parser.Field(_ip.Field));
        _device?.Add(_parser.Field(_device.Field));
        _country?.Add(_parser.Field(_country.Field));
        _paymentCountry?.Add(_parser.Field(_paymentCountry.Field));
        _taskType?.Add(_parser.Field(_taskType.Field));
        _project?.Add(_parser.Field(_project.Field));
        _vendor?.Add(_parser.Field(_vendor.Field));
    }

    /// <summary>Builds the context for <paramref name="rowCount"/> source rows; rows past those read have every value missing.</summary>
    public AnswerContext Build(int rowCount) => new(
        rowCount,
        _startedTicks?.ToArray(rowCount, AnswerContext.MissingTicks),
        _submittedTicks?.ToArray(rowCount, AnswerContext.MissingTicks),
        _ip?.Build(rowCount),
        _device?.Build(rowCount),
        _country?.Build(rowCount),
        _paymentCountry?.Build(rowCount),
        _taskType?.Build(rowCount),
        _project?.Build(rowCount),
        _rewards?.ToArray(rowCount, double.NaN),
        _vendor?.Build(rowCount));

    private static CategoricalReader? Categorical(CsvHeader header, string name, int capacity) =>
        header.IndexOf(name) is var field and >= 0 ? new CategoricalReader(field, capacity) : null;

    private long Time(int field)
    {
        var cell = _parser.Field(field).Trim((byte)' ');
        if (cell.IsEmpty)
        {
            return AnswerContext.MissingTicks;
        }

        if (!Iso8601.TryParseUtcTicks(cell, out var ticks))
        {
            Throw.Invalid(_parser, field, "an ISO 8601 timestamp");
        }

        return ticks;
    }

    private double Reward()
    {
        var cell = _parser.Field(_reward);
        if (cell.Trim((byte)' ').IsEmpty)
        {
            return double.NaN;
        }

        if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Throw.Invalid(_parser, _reward, "a decimal number such as 0.05");
        }

        return value;
    }
}
