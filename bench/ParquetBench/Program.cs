using System.Diagnostics;
using System.Globalization;
using CrowdFit.Formats.Interchange;

// Times the Parquet answer log: canonical CSV → Parquet (write) and Parquet → AnswerTable (read), checking that
// the round trip gives back the same log. Usage: ParquetBench <answers.csv> <answers.parquet> [runs]
if (args.Length is < 2 or > 3)
{
    Console.Error.WriteLine("usage: ParquetBench <answers.csv> <answers.parquet> [runs]");
    return 2;
}

var (csvPath, parquetPath) = (args[0], args[1]);
var runs = args.Length == 3 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
var format = new ParquetFormat();

var clock = Stopwatch.StartNew();
(s_cpu, s_pause) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration());
var source = CanonicalCsv.Read(csvPath);
Report("read CSV", clock, $"{source.RowCount:N0} rows, {source.ColumnNames.Count} columns, {new FileInfo(csvPath).Length / 1e6:F1} MB");

for (var run = 1; run <= runs; run++)
{
    clock.Restart();
    (s_cpu, s_pause) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration());
    using (var stream = File.Create(parquetPath))
    {
        format.Write(source, stream);
    }

    Report($"write Parquet, run {run}", clock, $"{new FileInfo(parquetPath).Length / 1e6:F1} MB");
}

AnswerTable? read = null;
for (var run = 1; run <= runs; run++)
{
    read = null;
    GC.Collect();
    clock.Restart();
    (s_cpu, s_pause) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration());
    read = format.Read(parquetPath);
    Report($"read Parquet, run {run}", clock, $"{read.RowCount:N0} rows");
}

clock.Restart();
(s_cpu, s_pause) = (Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration());
var log = AnswerFormats.ReadLog(parquetPath);
Report("read Parquet into an AnswerLog", clock, $"{log.Answers.Count:N0} answers");

var same = Canonical(source).AsSpan().SequenceEqual(Canonical(read!));
Console.WriteLine($"round trip identical: {same}");
return same ? 0 : 1;

static void Report(string step, Stopwatch clock, string detail)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var pause = GC.GetTotalPauseDuration() - s_pause;
    Console.WriteLine($"{step,-32} {clock.Elapsed.TotalSeconds,6:F2} s wall {(cpu - s_cpu).TotalSeconds,6:F2} s CPU {pause.TotalSeconds,5:F2} s GC pauses  {detail}");
}

static byte[] Canonical(AnswerTable table)
{
    using var stream = new MemoryStream();
    CanonicalCsv.Write(table, stream);
    return stream.ToArray();
}

/// <summary>The process's CPU time and GC pause time when the step being timed started.</summary>
internal static partial class Program
{
    private static TimeSpan s_cpu;
    private static TimeSpan s_pause;
}
