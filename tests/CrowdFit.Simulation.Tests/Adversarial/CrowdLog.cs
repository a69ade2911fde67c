using System.Globalization;
using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

/// <summary>An adversarial crowd as its files show it: the log rows joined with their truth, and the accounts.</summary>
internal sealed class CrowdLog
{
    private CrowdLog(Row[] rows, IReadOnlyDictionary<string, Account> accounts, HashSet<string> gold)
    {
        Rows = rows;
        Accounts = accounts;
        Gold = gold;
    }

    /// <summary>Every answer, in file (submit-time) order.</summary>
    public Row[] Rows { get; }

    /// <summary>Accounts by id, from <c>truth/workers.csv</c>.</summary>
    public IReadOnlyDictionary<string, Account> Accounts { get; }

    /// <summary>Ids of the gold tasks.</summary>
    public HashSet<string> Gold { get; }

    /// <summary>Generates the crowd, writes it into <paramref name="directory"/> and reads it back.</summary>
    public static CrowdLog Write(AdversarialCrowdOptions options, string directory)
    {
        AdversarialCrowd.Generate(options).WriteTo(directory);
        return Read(directory);
    }

    public static CrowdLog Read(string directory)
    {
        var log = Lines(Path.Combine(directory, AdversarialCrowd.AnswersFileName));
        var truth = Lines(Path.Combine(directory, "truth", "answers.csv"));
        Assert.Equal(log.Length, truth.Length);
        var rows = new Row[log.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var l = log[i].Split(',');
            var t = truth[i].Split(',');
            Assert.Equal(11, l.Length);
            Assert.Equal(5, t.Length);

            // The two files list the same answers in the same order.
            Assert.Equal((l[0], l[1]), (t[0], t[1]));
            rows[i] = new Row(
                l[0], l[1], l[2], Seconds(l[3]), Seconds(l[4]), l[5], l[6], l[7], l[8], l[9],
                t[2], t[3] switch { "1" => true, "0" => false, _ => throw new FormatException($"is_bad '{t[3]}'") }, t[4]);
        }

        var accounts = new Dictionary<string, Account>(StringComparer.Ordinal);
        foreach (var line in Lines(Path.Combine(directory, "truth", "workers.csv")))
        {
            var f = line.Split(',');
            Assert.Equal(9, f.Length);
            var kind = AdversaryKinds.Parse(f[1]) ?? throw new FormatException($"kind '{f[1]}'");
            accounts.Add(f[0], new Account(f[0], kind, Int(f[2]), Double(f[3]), Double(f[4]), f[5], Int(f[6]), Int(f[7]), Int(f[8])));
        }

        var gold = Lines(Path.Combine(directory, AdversarialCrowd.GoldFileName)).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        return new CrowdLog(rows, accounts, gold);
    }

    /// <summary>The account's answers in its own time order.</summary>
    public Row[] Timeline(string worker) => [.. Rows.Where(r => r.Worker == worker)];

    /// <summary>The accounts of <paramref name="kind"/>.</summary>
    public Account[] OfKind(AdversaryKind kind) => [.. Accounts.Values.Where(a => a.Kind == kind).OrderBy(a => a.Id, StringComparer.Ordinal)];

    /// <summary>The data lines of a CSV file, without its header.</summary>
    private static string[] Lines(string path) => [.. File.ReadAllLines(path).Skip(1)];

    private static double Seconds(string timestamp) =>
        (DateTimeOffset.ParseExact(timestamp, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) - DateTimeOffset.UnixEpoch).TotalSeconds;

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>One line of <c>answers.csv</c> with its line of <c>truth/answers.csv</c>; times in seconds since 1970.</summary>
    internal sealed record Row(
        string Task, string Worker, string Label, double Started, double Submitted, string Ip, string Device, string Country,
        string PaymentCountry, string TaskType, string TrueLabel, bool IsBad, string Attack)
    {
        public double Duration => Submitted - Started;

        public bool Correct => Label == TrueLabel;

        /// <summary>The first three octets of the address.</summary>
        public string Subnet => Ip[..Ip.LastIndexOf('.')];
    }

    /// <summary>One line of <c>truth/workers.csv</c>.</summary>
    internal sealed record Account(string Id, AdversaryKind Kind, int Group, double Accuracy, double Speed, string PaymentCountry, int FirstDay, int Onset, int Answers);
}
