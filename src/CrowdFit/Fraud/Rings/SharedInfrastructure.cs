using CrowdFit.Answers;

namespace CrowdFit.Fraud.Rings;

/// <summary>
/// The devices, IP addresses and IPv4 /24 ranges that a few accounts share: per worker, the values it uses
/// (at least a given share of its answers) that between two and a given number of accounts use.
/// </summary>
/// <remarks>
/// A value used by many accounts is a large NAT, a VPN exit or a common browser fingerprint, which honest
/// workers share all the time, so it is no evidence and is dropped; a rare value is. Answers without a value
/// do not count towards shares.
/// </remarks>
internal sealed class SharedInfrastructure
{
    private readonly SharedValue[][] _byWorker;

    private SharedInfrastructure(SharedValue[][] byWorker, int deviceUsers, int deviceGroups, IReadOnlyList<InfrastructureKind> kinds)
    {
        _byWorker = byWorker;
        DeviceUsers = deviceUsers;
        DeviceGroups = deviceGroups;
        Kinds = kinds;
    }

    /// <summary>Number of workers with at least one device value.</summary>
    public int DeviceUsers { get; }

    /// <summary>Number of device values shared by between two and the maximum number of accounts.</summary>
    public int DeviceGroups { get; }

    /// <summary>The kinds the log has columns for.</summary>
    public IReadOnlyList<InfrastructureKind> Kinds { get; }

    /// <summary>The rare shared values worker <paramref name="worker"/> uses (usually none).</summary>
    public ReadOnlySpan<SharedValue> Of(int worker) => _byWorker[worker];

    /// <summary>Whether two workers use a common rare value.</summary>
    public bool Share(int first, int second)
    {
        foreach (var a in _byWorker[first])
        {
            foreach (var b in _byWorker[second])
            {
                if (a.Kind == b.Kind && a.Code == b.Code)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Finds the shared values of every worker.</summary>
    public static SharedInfrastructure Find(WorkLog log, RingDetectorOptions options)
    {
        var workers = log.Answers.WorkerCount;
        var lists = new List<SharedValue>?[workers];
        List<InfrastructureKind> kinds = [];
        var deviceUsers = 0;
        var deviceGroups = 0;
        if (log.Context?.Device is { } device)
        {
            kinds.Add(InfrastructureKind.Device);
            (deviceUsers, deviceGroups) = Collect(log, device.Codes, device.Values, InfrastructureKind.Device, options, lists);
        }

        if (log.Context?.Ip is { } ip)
        {
            kinds.Add(InfrastructureKind.Ip);
            kinds.Add(InfrastructureKind.IpRange);
            Collect(log, ip.Codes, ip.Values, InfrastructureKind.Ip, options, lists);
            var (rangeCodes, ranges) = Ipv4Ranges(ip);
            Collect(log, rangeCodes, ranges, InfrastructureKind.IpRange, options, lists);
        }

        var byWorker = new SharedValue[workers][];
        for (var w = 0; w < workers; w++)
        {
            byWorker[w] = lists[w] is { } list ? [.. list] : [];
        }

        return new SharedInfrastructure(byWorker, deviceUsers, deviceGroups, kinds);
    }

    /// <summary>The "a.b.c.*" range of every IPv4 value of <paramref name="ip"/>, as codes per row; other values are missing.</summary>
    internal static (int[] Codes, string[] Ranges) Ipv4Ranges(CategoricalColumn ip)
    {
        var rangeOfValue = new int[ip.Values.Count];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        List<string> ranges = [];
        for (var v = 0; v < rangeOfValue.Length; v++)
        {
            if (Ipv4Range(ip.Values[v]) is { } range)
            {
                if (!index.TryGetValue(range, out var code))
                {
                    code = ranges.Count;
                    index.Add(range, code);
                    ranges.Add(range);
                }

                rangeOfValue[v] = code;
            }
            else
            {
                rangeOfValue[v] = CategoricalColumn.Missing;
            }
        }

        var rows = ip.Codes;
        var codes = new int[rows.Length];
        for (var r = 0; r < rows.Length; r++)
        {
            codes[r] = rows[r] >= 0 ? rangeOfValue[rows[r]] : CategoricalColumn.Missing;
        }

        return (codes, [.. ranges]);
    }

    /// <summary>"a.b.c.*" for a dotted-quad IPv4 address, else <see langword="null"/>.</summary>
    internal static string? Ipv4Range(string value)
    {
        var text = value.AsSpan().Trim();
        var dots = 0;
        var lastDot = -1;
        var digits = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '.')
            {
                if (digits == 0)
                {
                    return null;
                }

                dots++;
                lastDot = i;
                digits = 0;
            }
            else if (char.IsAsciiDigit(text[i]) && digits < 3)
            {
                digits++;
            }
            else
            {
                return null;
            }
        }

        return dots == 3 && digits > 0 ? string.Concat(text[..lastDot], ".*") : null;
    }

    /// <summary>Adds every worker's rare values of one column; returns the number of workers with a value and of rare values.</summary>
    private static (int Users, int Groups) Collect(
        WorkLog log,
        ReadOnlySpan<int> rowCodes,
        IReadOnlyList<string> values,
        InfrastructureKind kind,
        RingDetectorOptions options,
        List<SharedValue>?[] lists)
    {
        var answers = log.Answers;
        var workers = answers.WorkerCount;

        // Per worker, the values carrying enough of its answers, found by sorting its codes.
        var usedStart = new int[workers + 1];
        List<int> used = [];
        var accounts = new int[values.Count];
        var scratch = new int[16];
        var users = 0;
        for (var w = 0; w < workers; w++)
        {
            var timeline = log.Timeline(w);
            if (scratch.Length < timeline.Length)
            {
                scratch = new int[Math.Max(timeline.Length, scratch.Length * 2)];
            }

            var n = 0;
            foreach (var a in timeline)
            {
                var code = rowCodes[answers.SourceRow(a)];
                if (code >= 0)
                {
                    scratch[n++] = code;
                }
            }

            var codes = scratch.AsSpan(0, n);
            codes.Sort();
            users += n > 0 ? 1 : 0;
            for (var i = 0; i < n;)
            {
                var j = i;
                while (j < n && codes[j] == codes[i])
                {
                    j++;
                }

                if (j - i >= options.MinInfrastructureShare * n)
                {
                    used.Add(codes[i]);
                    accounts[codes[i]]++;
                }

                i = j;
            }

            usedStart[w + 1] = used.Count;
        }

        var groups = 0;
        foreach (var c in accounts)
        {
            groups += c >= 2 && c <= options.MaxInfrastructureGroup ? 1 : 0;
        }

        for (var w = 0; w < workers; w++)
        {
            for (var i = usedStart[w]; i < usedStart[w + 1]; i++)
            {
                var code = used[i];
                if (accounts[code] >= 2 && accounts[code] <= options.MaxInfrastructureGroup)
                {
                    (lists[w] ??= []).Add(new SharedValue(kind, code, values[code], accounts[code]));
                }
            }
        }

        return (users, groups);
    }
}
