namespace CrowdFit.Simulation.Adversarial;

/// <summary>What an adversarial crowd looks like: the project, the honest workers and the adversaries.</summary>
/// <remarks>The presets <see cref="TimeTheft"/>, <see cref="Images"/> and <see cref="Platform"/> are the three scenarios of SPEC H2.</remarks>
public sealed partial record AdversarialCrowdOptions
{
    /// <summary>Name of the scenario, for messages.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>Random seed; the same options give the same crowd.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Number of tasks.</summary>
    public int Tasks { get; init; } = 10_000;

    /// <summary>Distinct accounts answering each task.</summary>
    public int AnswersPerTask { get; init; } = 3;

    /// <summary>The label set; the true labels are drawn with <see cref="ClassWeights"/>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = ["a", "b", "c", "d"];

    /// <summary>Relative frequency of each label among true labels; equal when null.</summary>
    public IReadOnlyList<double>? ClassWeights { get; init; }

    /// <summary>The kinds of task; each task takes one uniformly.</summary>
    public IReadOnlyList<TaskTypeSpec> TaskTypes { get; init; } = [new("label", 15, 0.02, 0)];

    /// <summary>Share of tasks that are hidden gold, written to <c>gold.csv</c>.</summary>
    public double GoldShare { get; init; } = 0.03;

    /// <summary>Days the log spans.</summary>
    public int Days { get; init; } = 14;

    /// <summary>Midnight UTC of the first day.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Number of honest accounts.</summary>
    public int Honest { get; init; } = 100;

    /// <summary>Number of accounts of each adversary kind (for rings and farms, accounts in all groups together).</summary>
    public IReadOnlyList<(AdversaryKind Kind, int Accounts)> Adversaries { get; init; } = [];

    /// <summary>Accounts per colluding ring, the leader included.</summary>
    public int RingSize { get; init; } = 5;

    /// <summary>Accounts per account farm.</summary>
    public int FarmSize { get; init; } = 8;

    /// <summary>Share of honest workers who work through a commercial VPN (changing addresses, a login country unlike their payment country).</summary>
    public double VpnShare { get; init; }

    /// <summary>Share of honest workers behind one large shared address (a campus or office NAT).</summary>
    public double NatShare { get; init; }

    /// <summary>Lowest base accuracy of an honest worker; base accuracy is this plus (0.98 − this) · Beta(4, 2).</summary>
    public double HonestMinAccuracy { get; init; } = 0.55;

    /// <summary>
    /// Workforce shares of some countries (ISO codes), in place of their default shares; the other countries keep
    /// theirs. Shares are relative: they need not add up to 1.
    /// </summary>
    public IReadOnlyList<(string Country, double Share)> CountryShares { get; init; } = [];

    /// <summary>Fair-operations problems planted in the crowd, written to <c>truth/planted.csv</c>; null for none and no such file.</summary>
    public PlantedProblems? Plants { get; init; }

    /// <summary>Total accounts.</summary>
    public int Accounts => Honest + Adversaries.Sum(a => a.Accounts);

    /// <summary>The three preset names.</summary>
    public static IReadOnlyList<string> PresetNames { get; } = ["timetheft", "images", "platform"];

    /// <summary>
    /// A 1,000-task time log: 40 workers claim start and end times on transcription and tagging tasks; four
    /// inflate some claims and two scripts race through.
    /// </summary>
    public static AdversarialCrowdOptions TimeTheft { get; } = new()
    {
        Name = "timetheft",
        Tasks = 1_000,
        AnswersPerTask = 3,
        Labels = ["clear", "noisy", "unusable"],
        ClassWeights = [0.6, 0.3, 0.1],
        TaskTypes = [new("transcribe", 90, 0.25, 0.05), new("tag", 20, 0.05, 0)],
        GoldShare = 0.03,
        Days = 7,
        Honest = 34,
        Adversaries = [(AdversaryKind.TimeThief, 4), (AdversaryKind.FastBot, 2)],
    };

    /// <summary>
    /// 50 freelancers label 10,000 images three times each. As in the scenario, 10–15 % of the labels are bad and
    /// they come from the nine bad accounts (about one label in eight); the honest freelancers are careful (base
    /// accuracy 0.95–0.98 on these five everyday classes) and add about 3 % wrong labels of their own.
    /// </summary>
    public static AdversarialCrowdOptions Images { get; } = new()
    {
        Name = "images",
        Tasks = 10_000,
        AnswersPerTask = 3,
        Labels = ["bird", "car", "cat", "dog", "person"],
        ClassWeights = [0.15, 0.2, 0.25, 0.25, 0.15],
        TaskTypes = [new("image", 12, 0.03, 0)],
        GoldShare = 0.02,
        Days = 10,
        Honest = 41,
        HonestMinAccuracy = 0.95,
        Adversaries =
        [
            (AdversaryKind.UniformSpammer, 2), (AdversaryKind.ConstantSpammer, 1), (AdversaryKind.GoldAware, 2),
            (AdversaryKind.Sleeper, 3), (AdversaryKind.FastBot, 1),
        ],
    };

    /// <summary>
    /// A global platform: 2,400 accounts give 240,000 answers on three task types over two weeks, with every
    /// adversary kind, rings and farms among them, honest workers behind VPNs and a shared campus address.
    /// </summary>
    public static AdversarialCrowdOptions Platform { get; } = new()
    {
        Name = "platform",
        Tasks = 60_000,
        AnswersPerTask = 4,
        Labels = ["negative", "neutral", "positive", "spam"],
        ClassWeights = [0.3, 0.35, 0.25, 0.1],
        TaskTypes = [new("sentiment", 15, 0.02, 0), new("moderation", 25, 0.04, 0.05), new("relevance", 10, 0.015, 0)],
        GoldShare = 0.02,
        Days = 14,
        Honest = 2_130,
        Adversaries =
        [
            (AdversaryKind.UniformSpammer, 30), (AdversaryKind.ConstantSpammer, 20), (AdversaryKind.FastBot, 20),
            (AdversaryKind.TimeThief, 30), (AdversaryKind.GoldAware, 30), (AdversaryKind.Sleeper, 30),
            (AdversaryKind.Ring, 40), (AdversaryKind.SharedAccount, 30), (AdversaryKind.AccountFarm, 40),
        ],
        VpnShare = 0.03,
        NatShare = 0.02,
    };

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or <see langword="null"/>; one of <see cref="PresetNames"/> or <see cref="OperationsPresetNames"/>.</summary>
    public static AdversarialCrowdOptions? Preset(string name) => name.ToLowerInvariant() switch
    {
        "timetheft" => TimeTheft,
        "images" => Images,
        "platform" => Platform,
        "operations" => Operations,
        "operations-clean" => OperationsClean,
        _ => null,
    };

    /// <summary>
    /// The same scenario with <paramref name="factor"/> times the tasks and accounts (each account keeps its
    /// workload); rings and farms keep their size and grow in number.
    /// </summary>
    public AdversarialCrowdOptions Scale(double factor) => this with
    {
        Tasks = Math.Max(1, (int)Math.Round(Tasks * factor)),
        Honest = Math.Max(AnswersPerTask, (int)Math.Round(Honest * factor)),
        Adversaries = [.. Adversaries.Select(a => (a.Kind, Groups(a.Kind) is var size && size > 1
            ? Math.Max(size, (int)Math.Round(a.Accounts * factor / size) * size)
            : Math.Max(1, (int)Math.Round(a.Accounts * factor))))],
    };

    /// <summary>Accounts per group for kinds that come in groups, else 1.</summary>
    internal int Groups(AdversaryKind kind) => kind switch
    {
        AdversaryKind.Ring => RingSize,
        AdversaryKind.AccountFarm => FarmSize,
        _ => 1,
    };

    /// <summary>Everything wrong with these options, one sentence each; empty when they are valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Tasks < 1)
        {
            problems.Add($"Tasks must be at least 1 (was {Tasks}).");
        }

        if (AnswersPerTask < 1)
        {
            problems.Add($"AnswersPerTask must be at least 1 (was {AnswersPerTask}).");
        }

        if (Labels.Count < 2 || Labels.Distinct(StringComparer.Ordinal).Count() != Labels.Count)
        {
            problems.Add("Labels must hold at least two distinct labels.");
        }

        if (ClassWeights is { } weights && (weights.Count != Labels.Count || weights.Any(w => !(w >= 0)) || !(weights.Sum() > 0)))
        {
            problems.Add("ClassWeights must have one non-negative weight per label, not all zero.");
        }

        if (TaskTypes.Count == 0 || TaskTypes.Any(t => string.IsNullOrWhiteSpace(t.Name) || !(t.MedianSeconds > 0) || !(t.Reward >= 0)))
        {
            problems.Add("TaskTypes must hold at least one type, each with a name, a positive median time and a non-negative reward.");
        }

        if (!(GoldShare is >= 0 and < 1))
        {
            problems.Add($"GoldShare must be in [0, 1) (was {GoldShare}).");
        }

        if (Days < 1)
        {
            problems.Add($"Days must be at least 1 (was {Days}).");
        }

        if (RingSize < 2 || FarmSize < 2)
        {
            problems.Add("RingSize and FarmSize must be at least 2.");
        }

        foreach (var (kind, accounts) in Adversaries)
        {
            if (accounts < 0 || (Groups(kind) > 1 && accounts % Groups(kind) != 0))
            {
                problems.Add($"The {kind.Name()} accounts ({accounts}) must be a non-negative multiple of the group size {Groups(kind)}.");
            }
        }

        if (Accounts - Adversaries.Where(a => a.Kind == AdversaryKind.Ring).Sum(a => a.Accounts * (RingSize - 1) / RingSize) < AnswersPerTask)
        {
            problems.Add($"There must be at least AnswersPerTask ({AnswersPerTask}) independent accounts.");
        }

        if (!(VpnShare is >= 0 and <= 1) || !(NatShare is >= 0 and <= 1) || VpnShare + NatShare > 1)
        {
            problems.Add("VpnShare and NatShare must be in [0, 1] and add up to at most 1.");
        }

        if (!(HonestMinAccuracy is > 0 and < 0.98))
        {
            problems.Add($"HonestMinAccuracy must be in (0, 0.98) (was {HonestMinAccuracy}).");
        }

        if (CountryShares.Any(c => Countries.Find(c.Country) < 0 || !(c.Share >= 0 && double.IsFinite(c.Share))) || !(Countries.SharesWith(CountryShares.Where(c => Countries.Find(c.Country) >= 0).ToArray()).Sum() > 0))
        {
            problems.Add($"CountryShares must name known countries ({string.Join(", ", Countries.All.Select(c => c.Code))}) with finite non-negative shares, not all zero.");
        }

        problems.AddRange(Plants?.Problems(this) ?? []);

        return problems;
    }
}
