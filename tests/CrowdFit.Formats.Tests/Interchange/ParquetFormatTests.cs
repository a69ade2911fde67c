using System.Text;
using CrowdFit.Formats.Interchange;
using Parquet;
using Parquet.Schema;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class ParquetFormatTests
{
    private const string Header = "task,worker,label,started_at,submitted_at,ip,device,country,payment_country,task_type,reward,project,vendor\n";

    private static readonly ParquetFormat s_format = new();

    [Fact]
    public void Write_ThenRead_KeepsEveryColumnAndRowOfTheCanonicalLog()
    {
        using var files = new TempFiles();
        var csv = Header
            + "t1,w1,positive,2026-03-01T19:09:30Z,2026-03-01T19:09:52Z,10.0.0.1,d-1,PL,PL,sentiment,0.02,p1,acme\n"
            + "t2,w2,\"say \"\"no\"\"\",2026-03-01T19:09:30.25Z,2026-03-01T19:09:52.1234567Z,,,,,,,,\n"
            + "\"t,3\",wörker-ł,\"two\nlines\",,,::1,📱,DE,FR,ner,1E-05,,\n"
            + "t4,w1,ja 日本,2026-03-02T00:00:00Z,,,,,,,12345.678,p2,\n";
        var source = CanonicalCsv.Read(files.Write("answers.csv", csv));

        var path = WriteParquet(files, source);
        var read = s_format.Read(path);

        Assert.Equal(csv, ToCsv(read));
        Assert.Equal(source.ColumnNames, read.ColumnNames);
        Assert.Equal([2, 3, 4, 5], Enumerable.Range(0, read.RowCount).Select(read.SourceLine));
    }

    [Fact]
    public async Task Write_ThenRead_ManyRowsInSeveralRowGroups_Identical()
    {
        using var files = new TempFiles();
        var source = RandomLog(2_500, seed: 7);
        var path = files.PathOf("answers.parquet");

        await using (var stream = File.Create(path))
        {
            await ParquetLogWriter.WriteAsync(source, stream, rowGroupRows: 1_000);
        }

        var read = s_format.Read(path);

        Assert.Equal(3, RowGroupCount(path));
        Assert.Equal(ToCsv(source), ToCsv(read));
    }

    [Fact]
    public void Write_TypedColumns_TimestampsAsUtcAndRewardAsDouble()
    {
        using var files = new TempFiles();
        var source = CanonicalCsv.Read(files.Write("a.csv", "task,worker,label,started_at,submitted_at,reward\nt1,w1,a,2026-01-01T00:00:00Z,2026-01-01T00:00:00.0000001Z,0.5\nt2,w2,b,,,\n"));

        var fields = Schema(WriteParquet(files, source)).DataFields;

        Assert.Equal(["task", "worker", "label", "started_at", "submitted_at", "reward"], fields.Select(f => f.Name));
        Assert.All(fields[..3], f => Assert.Equal(typeof(ReadOnlyMemory<char>), f.ClrType));
        var started = Assert.IsType<DateTimeDataField>(fields[3]);
        Assert.Equal((DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Micros), (started.DateTimeFormat, started.IsAdjustedToUTC, started.Unit));
        Assert.Equal(DateTimeTimeUnit.Nanos, Assert.IsType<DateTimeDataField>(fields[4]).Unit);
        Assert.Equal(typeof(double), fields[5].ClrType);
        Assert.All(fields, f => Assert.True(f.IsNullable));
    }

    [Fact]
    public void Write_RepeatedText_DictionaryEncoded()
    {
        using var files = new TempFiles();
        var path = WriteParquet(files, RandomLog(2_000, seed: 5));

        var encodings = ColumnEncodings(path, "label");

        Assert.Contains(encodings, e => e.Contains("DICTIONARY", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_CellsThatDoNotParse_KeptAsTextAndReportedWithTheirLineWhenRead()
    {
        using var files = new TempFiles();
        var csv = "task,worker,label,started_at,reward\nt1,w1,a,2026-01-01T00:00:00+02:00,0.050\nt2,w2,b,yesterday,about 3\n";
        var path = WriteParquet(files, CanonicalCsv.Read(files.Write("a.csv", csv)));

        var fields = Schema(path).DataFields;
        var read = s_format.Read(path);
        var error = Assert.Throws<AnswerFormatException>(() => AnswerFormats.ReadLog(path));

        Assert.Equal(typeof(ReadOnlyMemory<char>), fields[3].ClrType);
        Assert.Equal(typeof(ReadOnlyMemory<char>), fields[4].ClrType);
        Assert.Equal(csv, ToCsv(read));
        Assert.Equal((path, 3, "started_at"), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void Write_TimestampWithOffsetAndPaddedReward_ReadBackAsTheSameInstantAndNumber()
    {
        using var files = new TempFiles();
        var csv = "task,worker,label,started_at,reward\nt1,w1,a,2026-01-01T02:30:00+02:00,0.050\nt2,w2,b,2026-01-01 08:00,7\n";
        var path = WriteParquet(files, CanonicalCsv.Read(files.Write("a.csv", csv)));

        var read = s_format.Read(path);

        Assert.Equal("task,worker,label,started_at,reward\nt1,w1,a,2026-01-01T00:30:00Z,0.05\nt2,w2,b,2026-01-01T08:00:00Z,7\n", ToCsv(read));
    }

    [Fact]
    public void Read_ForeignTypedColumns_ConvertedToCanonicalText()
    {
        using var files = new TempFiles();
        var path = files.PathOf("export.parquet");
        var task = new DataField<long>("TASK", false);
        var worker = new DataField<int>("Worker", false);
        var label = new DataField<string>("label", true);
        var started = new DateTimeDataField("started_at", DateTimeFormat.Timestamp, true, DateTimeTimeUnit.Millis, true);
        var submitted = new DateTimeDataField("submitted_at", DateTimeFormat.Impala, true, null, true);
        var reward = new DecimalDataField("reward", 10, 3, false, true);
        var country = new DataField<string>("country", true);
        var score = new DataField<float>("score", true);
        var device = new DataField<byte[]>("device", true);
        var schema = new ParquetSchema(task, worker, label, started, submitted, reward, country, score, device);

        Write(path, schema, async group =>
        {
            await group.WriteAsync<long>(task, new long[] { 9_000_000_000, -1 });
            await group.WriteAsync<int>(worker, new[] { 42, 7 });
            await group.WriteAsync<ReadOnlyMemory<char>>(label, new ReadOnlyMemory<char>?[] { "yes".AsMemory(), null });
            await group.WriteAsync<DateTime>(started, new DateTime?[] { new DateTime(2026, 3, 1, 19, 9, 30, 250, DateTimeKind.Utc), null });
            await group.WriteAsync<DateTime>(submitted, new DateTime?[] { null, new DateTime(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc) });
            await group.WriteAsync<decimal>(reward, new decimal?[] { 0.125m, 2m });
            await group.WriteAsync<ReadOnlyMemory<char>>(country, new ReadOnlyMemory<char>?[] { "PL".AsMemory(), "Ελλάδα".AsMemory() });
            await group.WriteAsync<float>(score, new float?[] { 0.1f, 0.2f });
            await group.WriteAsync(device, new byte[]?[] { "d-ü"u8.ToArray(), null }!, null);
        });

        var read = s_format.Read(path);

        Assert.Equal(
            "task,worker,label,started_at,submitted_at,device,country,reward\n"
            + "9000000000,42,yes,2026-03-01T19:09:30.25Z,,d-ü,PL,0.125\n"
            + "-1,7,,,2025-12-31T23:59:59Z,,Ελλάδα,2.000\n",
            ToCsv(read));
    }

    [Fact]
    public void Read_TimestampsStoredAsStringsAndDoubleReward_TakenAsTheyAre()
    {
        using var files = new TempFiles();
        var path = files.PathOf("export.parquet");
        var task = new DataField<string>("task", false);
        var worker = new DataField<string>("worker", false);
        var label = new DataField<string>("label", false);
        var started = new DataField<string>("started_at", true);
        var reward = new DataField<double>("reward", false);
        var schema = new ParquetSchema(task, worker, label, started, reward);

        Write(path, schema, async group =>
        {
            await group.WriteAsync<ReadOnlyMemory<char>>(task, new[] { "t1".AsMemory() });
            await group.WriteAsync<ReadOnlyMemory<char>>(worker, new[] { "w1".AsMemory() });
            await group.WriteAsync<ReadOnlyMemory<char>>(label, new[] { "a".AsMemory() });
            await group.WriteAsync<ReadOnlyMemory<char>>(started, new ReadOnlyMemory<char>?[] { "2026-03-01T19:09:30+01:00".AsMemory() });
            await group.WriteAsync<double>(reward, new[] { 0.1 + 0.2 });
        });

        var log = AnswerFormats.ReadLog(path);
        var read = s_format.Read(path);

        Assert.Equal("task,worker,label,started_at,reward\nt1,w1,a,2026-03-01T19:09:30+01:00,0.30000000000000004\n", ToCsv(read));
        Assert.Equal(1, log.Answers.Count);
    }

    [Fact]
    public void Detect_ParquetMagic_Certain_OtherFilesNot()
    {
        using var files = new TempFiles();
        var parquet = WriteParquet(files, RandomLog(10, seed: 1), "answers.bin");
        var csv = files.Write("answers.csv", "task,worker,label\nt1,w1,a\n");

        Assert.Equal(1, s_format.Detect(parquet, AnswerFormats.Head(parquet)));
        Assert.Equal(0, s_format.Detect(csv, AnswerFormats.Head(csv)));
        Assert.Equal("parquet", AnswerFormats.Resolve(parquet).Name);
        Assert.Equal("csv", AnswerFormats.Resolve(csv).Name);
        Assert.Same(AnswerFormats.Find("PARQUET"), AnswerFormats.Resolve(parquet));
        Assert.Equal(".parquet", s_format.Extension);
    }

    [Theory]
    [InlineData("worker")]
    [InlineData("label")]
    public void Read_MissingRequiredColumn_ErrorNamesFileAndColumn(string missing)
    {
        using var files = new TempFiles();
        var fields = new[] { "task", "worker", "label", "device" }.Where(n => n != missing).Select(n => new DataField<string>(n, true)).ToArray();
        var path = files.PathOf("export.parquet");
        Write(path, new ParquetSchema(fields), async group =>
        {
            foreach (var field in fields)
            {
                await group.WriteAsync<ReadOnlyMemory<char>>(field, new ReadOnlyMemory<char>?[] { "x".AsMemory() });
            }
        });

        var error = Assert.Throws<AnswerFormatException>(() => s_format.Read(path));

        Assert.Equal((path, missing, 0), (error.FilePath, error.Column, error.Line));
        Assert.StartsWith($"{path}: column '{missing}': expected a column named '{missing}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CanonicalColumnOfUnsupportedType_ErrorNamesTheColumn()
    {
        using var files = new TempFiles();
        var path = files.PathOf("export.parquet");
        var task = new DataField<string>("task", false);
        var worker = new DataField<string>("worker", false);
        var label = new ListField("label", new DataField<string>("element"));
        Write(path, new ParquetSchema(task, worker, label), async group =>
        {
            await group.WriteAsync<ReadOnlyMemory<char>>(task, new[] { "t1".AsMemory() });
            await group.WriteAsync<ReadOnlyMemory<char>>(worker, new[] { "w1".AsMemory() });
            await group.WriteAsync<ReadOnlyMemory<char>>((DataField)label.Item, new ReadOnlyMemory<char>?[] { "a".AsMemory() }, new[] { 0 });
        });

        var error = Assert.Throws<AnswerFormatException>(() => s_format.Read(path));

        Assert.Equal((path, "label"), (error.FilePath, error.Column));
    }

    [Fact]
    public void Read_TruncatedOrDamagedFile_CleanError()
    {
        using var files = new TempFiles();
        var whole = File.ReadAllBytes(WriteParquet(files, RandomLog(500, seed: 3)));
        byte[][] damaged =
        [
            whole[..4],
            whole[..100],
            whole[..(whole.Length / 2)],
            whole[..^1],
            whole[..^8],
            [.. whole[..(whole.Length / 2)], .. new byte[whole.Length / 2]],
        ];

        for (var i = 0; i < damaged.Length; i++)
        {
            var path = files.Write($"damaged{i}.parquet", damaged[i]);

            var error = Assert.Throws<AnswerFormatException>(() => s_format.Read(path));

            Assert.Equal(path, error.FilePath);
        }
    }

    [Fact]
    public void Read_MissingFile_SaysSo()
    {
        var error = Assert.Throws<AnswerFormatException>(() => s_format.Read("/no/such/answers.parquet"));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EmptyTable_ReadsBackEmptyWithItsColumns()
    {
        using var files = new TempFiles();
        var source = new AnswerTable("empty.csv");
        source.Include(CanonicalColumns.Country);

        var read = s_format.Read(WriteParquet(files, source));

        Assert.Equal(0, read.RowCount);
        Assert.Equal(["task", "worker", "label", "country"], read.ColumnNames);
    }

    [Fact]
    public void Write_LeavesTheStreamOpen()
    {
        using var stream = new MemoryStream();

        s_format.Write(RandomLog(3, seed: 2), stream);

        Assert.True(stream.CanWrite);
        Assert.Equal("PAR1"u8.ToArray(), stream.ToArray()[..4]);
    }

    private static string WriteParquet(TempFiles files, AnswerTable table, string name = "answers.parquet")
    {
        var path = files.PathOf(name);
        using var stream = File.Create(path);
        s_format.Write(table, stream);
        return path;
    }

    private static string ToCsv(AnswerTable table)
    {
        using var stream = new MemoryStream();
        CanonicalCsv.Write(table, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(string path, ParquetSchema schema, Func<ParquetRowGroupWriter, Task> columns)
    {
        Task.Run(async () =>
        {
            await using var stream = File.Create(path);
            await using var writer = await ParquetWriter.CreateAsync(schema, stream);
            using var group = writer.CreateRowGroup();
            await columns(group);
        }).GetAwaiter().GetResult();
    }

    private static ParquetSchema Schema(string path) =>
        Task.Run(() => ParquetReader.ReadSchemaAsync(path)).GetAwaiter().GetResult();

    private static string[] ColumnEncodings(string path, string column) =>
        Task.Run(async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path);
            using var group = reader.OpenRowGroupReader(0);
            var chunk = group.GetMetadata(reader.Schema.FindDataField(column));
            return chunk!.MetaData!.Encodings.Select(e => e.ToString()).ToArray();
        }).GetAwaiter().GetResult();

    private static int RowGroupCount(string path) =>
        Task.Run(async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path);
            return reader.RowGroupCount;
        }).GetAwaiter().GetResult();

    /// <summary>A log of <paramref name="rows"/> rows with every canonical column, some cells empty, from a seed.</summary>
    private static AnswerTable RandomLog(int rows, int seed)
    {
        var random = new Random(seed);
        var table = new AnswerTable("random.csv", rows);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string[] devices = ["d-1", "d-2", "naïve \"quoted\"", "a,b"];
        for (var row = 0; row < rows; row++)
        {
            table.AddRow(row + 2);
            table.Set(CanonicalColumns.Task, $"t{random.Next(rows / 3 + 1)}");
            table.Set(CanonicalColumns.Worker, $"w{random.Next(50)}");
            table.Set(CanonicalColumns.Label, random.Next(3) switch { 0 => "cat", 1 => "dog", _ => "🐦 bird" });
            var at = start.AddSeconds(random.Next(1_000_000));
            table.Set(CanonicalColumns.StartedAt, at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            if (random.Next(10) > 0)
            {
                table.Set(CanonicalColumns.SubmittedAt, at.AddMilliseconds(random.Next(60_000)).ToString("yyyy-MM-ddTHH:mm:ss.FFFZ", System.Globalization.CultureInfo.InvariantCulture));
            }

            for (var c = CanonicalColumns.Ip; c <= CanonicalColumns.TaskType; c++)
            {
                if (random.Next(5) > 0)
                {
                    table.Set(c, c == CanonicalColumns.Device ? devices[random.Next(devices.Length)] : $"v{random.Next(20)}");
                }
            }

            if (random.Next(4) > 0)
            {
                table.Set(CanonicalColumns.Reward, (random.Next(1, 200) / 100.0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            table.Set(CanonicalColumns.Project, "p" + random.Next(3));
            table.Set(CanonicalColumns.Vendor, random.Next(2) == 0 ? "acme" : "vendor ü");
        }

        return table;
    }
}
