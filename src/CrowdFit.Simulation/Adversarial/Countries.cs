namespace CrowdFit.Simulation.Adversarial;

/// <summary>Countries the simulated workers live in, with their UTC offsets and an address block per country.</summary>
internal static class Countries
{
    /// <summary>ISO code, UTC offset in hours, share of the workforce, first octet of the country's address block.</summary>
    public static readonly (string Code, double Offset, double Share, int Octet)[] All =
    [
        ("US", -5, 0.14, 73), ("BR", -3, 0.08, 177), ("MX", -6, 0.04, 187), ("VE", -4, 0.05, 190),
        ("GB", 0, 0.05, 81), ("DE", 1, 0.04, 91), ("NG", 1, 0.05, 105), ("KE", 3, 0.05, 41),
        ("EG", 2, 0.04, 156), ("UA", 2, 0.04, 93), ("IN", 5.5, 0.16, 117), ("PK", 5, 0.05, 39),
        ("BD", 6, 0.05, 103), ("VN", 7, 0.05, 113), ("ID", 7, 0.04, 36), ("PH", 8, 0.07, 112),
    ];

    /// <summary>Countries commercial VPNs exit from.</summary>
    public static readonly int[] VpnExits = [0, 4, 5];

    /// <summary>A country drawn by the given shares, one per country of <see cref="All"/>.</summary>
    public static int Draw(ref Sampling.Xoshiro256 rng, double[] shares)
    {
        var total = 0.0;
        foreach (var share in shares)
        {
            total += share;
        }

        var u = rng.NextDouble() * total;
        for (var i = 0; i < All.Length; i++)
        {
            u -= shares[i];
            if (u < 0)
            {
                return i;
            }
        }

        return All.Length - 1;
    }

    /// <summary>The index of the country with ISO code <paramref name="code"/>, or -1.</summary>
    public static int Find(string code) => Array.FindIndex(All, c => c.Code == code);

    /// <summary>The workforce shares with some countries' shares replaced, one per country of <see cref="All"/>.</summary>
    public static double[] SharesWith(IReadOnlyList<(string Country, double Share)> replaced)
    {
        var shares = Shares.ToArray();
        foreach (var (country, share) in replaced)
        {
            shares[Find(country)] = share;
        }

        return shares;
    }

    /// <summary>A country whose UTC offset is about <paramref name="hours"/> away from country <paramref name="from"/>'s.</summary>
    public static int Away(int from, double hours)
    {
        var target = All[from].Offset + hours;
        target = ((target + 12) % 24 + 24) % 24 - 12;
        var best = 0;
        for (var i = 1; i < All.Length; i++)
        {
            if (Math.Abs(All[i].Offset - target) < Math.Abs(All[best].Offset - target))
            {
                best = i;
            }
        }

        return best == from ? (from + 1) % All.Length : best;
    }

    private static double[] Shares { get; } = [.. All.Select(c => c.Share)];
}
