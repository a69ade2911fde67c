using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Adversarial;

/// <summary>The accounts and the people behind them.</summary>
public sealed partial class AdversarialCrowd
{
    /// <summary>The campus address many honest workers share.</summary>
    private const uint CampusAddress = (203u << 24) | (0u << 16) | (113u << 8) | 7u;

    private static Account[] MakeAccounts(AdversarialCrowdOptions options, ref Xoshiro256 rng)
    {
        var kinds = new List<AdversaryKind>();
        kinds.AddRange(Enumerable.Repeat(AdversaryKind.Honest, options.Honest));
        foreach (var (kind, count) in options.Adversaries)
        {
            kinds.AddRange(Enumerable.Repeat(kind, count));
        }

        // Ids in random order, so an account's number says nothing about its kind.
        var order = Enumerable.Range(0, kinds.Count).ToArray();
        Shuffle(order, ref rng);
        var accounts = new Account[kinds.Count];
        var groupCount = new Dictionary<AdversaryKind, int>();
        var nextGroup = 0;
        var groupSlot = new Dictionary<AdversaryKind, int>();
        var groupPeople = new Dictionary<int, Persona>();
        var groupStart = new Dictionary<int, int>();
        var digits = Math.Max(4, (kinds.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        for (var i = 0; i < kinds.Count; i++)
        {
            var kind = kinds[i];
            var size = options.Groups(kind);
            var group = 0;
            var first = false;
            if (size > 1)
            {
                var slot = groupSlot.GetValueOrDefault(kind);
                if (slot == 0)
                {
                    nextGroup++;
                    groupCount[kind] = groupCount.GetValueOrDefault(kind) + 1;
                }

                group = nextGroup;
                first = slot == 0;
                groupSlot[kind] = (slot + 1) % size;
            }

            var index = order[i];
            var account = new Account
            {
                Index = index,
                Id = "w" + index.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0'),
                Kind = kind,
                Group = group,
                IsLeader = kind == AdversaryKind.Ring && first,
                Accuracy = new double[options.TaskTypes.Count],
            };
            Describe(options, account, groupPeople, groupStart, ref rng);
            accounts[index] = account;
        }

        return accounts;
    }

    /// <summary>Draws the account's skill, pace, activity, schedule and the people behind it.</summary>
    private static void Describe(AdversarialCrowdOptions options, Account account, Dictionary<int, Persona> groupPeople, Dictionary<int, int> groupStart, ref Xoshiro256 rng)
    {
        var minAccuracy = options.HonestMinAccuracy;
        var baseAccuracy = minAccuracy + ((0.98 - minAccuracy) * Distributions.Beta(ref rng, 4, 2));
        if (account.Kind == AdversaryKind.Ring && account.IsLeader)
        {
            baseAccuracy = 0.55 + (0.2 * rng.NextDouble());
        }
        else if (account.Kind == AdversaryKind.AccountFarm)
        {
            baseAccuracy = 0.4 + (0.2 * rng.NextDouble());
        }

        account.BaseAccuracy = baseAccuracy;
        for (var t = 0; t < account.Accuracy.Length; t++)
        {
            var aptitude = 0.04 * Distributions.StandardNormal(ref rng);
            account.Accuracy[t] = Math.Clamp(baseAccuracy - options.TaskTypes[t].Difficulty + aptitude, 1.0 / options.Labels.Count, 0.995);
        }

        account.Speed = Distributions.LogNormal(ref rng, 0, 0.35) * account.Kind switch
        {
            AdversaryKind.UniformSpammer => 0.45,
            AdversaryKind.ConstantSpammer => 0.35,
            AdversaryKind.GoldAware => 0.6,
            AdversaryKind.Ring or AdversaryKind.AccountFarm => 0.6,
            _ => 1.0,
        };
        account.Activity = Distributions.LogNormal(ref rng, 0, account.Kind == AdversaryKind.Honest ? 0.7 : 0.4);
        account.ConstantLabel = rng.NextInt(options.Labels.Count);
        account.LastDay = options.Days - 1;
        account.ActiveDayShare = 0.25 + (0.5 * rng.NextDouble());
        if (account.Kind == AdversaryKind.Honest && rng.NextDouble() < 0.15 && options.Days > 2)
        {
            // Honest newcomers join during the log, so being new is not in itself suspicious.
            account.FirstDay = 1 + rng.NextInt(options.Days - 2);
        }

        var home = Countries.Draw(ref rng, Countries.SharesWith(options.CountryShares));
        account.PaymentCountry = home;
        switch (account.Kind)
        {
            case AdversaryKind.FastBot:
                account.Speed = 1;
                account.ActiveDayShare = 1;
                account.People = [new Persona { Country = home, Offset = 0, StartHour = 24 * rng.NextDouble(), IpBlock = DataCentre(ref rng), Device = NewDevice(ref rng), Bot = true }];
                break;
            case AdversaryKind.SharedAccount:
                // The owner, and two others eight hours apart who log in from their own countries.
                account.ActiveDayShare = 0.9;
                account.People =
                [
                    Person(home, ref rng, options),
                    Person(Countries.Away(home, 8), ref rng, options),
                    Person(Countries.Away(home, 16), ref rng, options),
                ];
                break;
            case AdversaryKind.Ring:
                {
                    if (!groupPeople.TryGetValue(account.Group, out var office))
                    {
                        office = Person(home, ref rng, options);
                        groupPeople[account.Group] = office;
                    }

                    // One office /24; half the accounts on the leader's machine.
                    account.PaymentCountry = office.Country;
                    var own = Person(office.Country, ref rng, options);
                    own.IpBlock = office.IpBlock;
                    own.FixedOctet = 10 + rng.NextInt(200);
                    own.Device = rng.NextDouble() < 0.5 ? office.Device : own.Device;
                    account.People = [own];
                    break;
                }

            case AdversaryKind.AccountFarm:
                {
                    if (!groupPeople.TryGetValue(account.Group, out var farm))
                    {
                        farm = Person(home, ref rng, options);
                        groupPeople[account.Group] = farm;
                        groupStart[account.Group] = Math.Max(0, (int)(options.Days * 0.6) + rng.NextInt(Math.Max(1, (options.Days / 4) - 1)));
                    }

                    account.PaymentCountry = farm.Country;
                    account.People = [farm];
                    account.FirstDay = Math.Min(options.Days - 1, groupStart[account.Group] + rng.NextInt(2));
                    account.ActiveDayShare = 1;
                    break;
                }

            default:
                {
                    var person = Person(home, ref rng, options);
                    var u = rng.NextDouble();
                    if (account.Kind == AdversaryKind.Honest && u < options.VpnShare)
                    {
                        person.Vpn = Countries.VpnExits[rng.NextInt(Countries.VpnExits.Length)];
                    }
                    else if (account.Kind == AdversaryKind.Honest && u < options.VpnShare + options.NatShare)
                    {
                        person.Campus = true;
                    }

                    account.People = [person];
                    break;
                }
        }

        if (account.Kind == AdversaryKind.Sleeper)
        {
            account.OnsetShare = 0.3 + (0.3 * rng.NextDouble());
        }
    }

    /// <summary>A person living in <paramref name="country"/>: a start hour, a home /24 and a device or two.</summary>
    private static Persona Person(int country, ref Xoshiro256 rng, AdversarialCrowdOptions options)
    {
        _ = options;
        var nightShift = rng.NextDouble() < 0.05;
        var start = nightShift ? 20 + (3 * rng.NextDouble()) : Math.Clamp(9.5 + (2 * Distributions.StandardNormal(ref rng)), 6, 15);
        var octet = (uint)Countries.All[country].Octet;
        var block = (octet << 24) | ((uint)rng.NextInt(256) << 16) | ((uint)rng.NextInt(256) << 8);
        return new Persona
        {
            Country = country,
            Offset = Countries.All[country].Offset,
            StartHour = start,
            IpBlock = block,
            Device = NewDevice(ref rng),
            SecondDevice = rng.NextDouble() < 0.15 ? NewDevice(ref rng) : -1,
        };
    }

    private static uint DataCentre(ref Xoshiro256 rng) => (34u << 24) | ((uint)(64 + rng.NextInt(64)) << 16) | ((uint)rng.NextInt(256) << 8);

    private static int NewDevice(ref Xoshiro256 rng) => (int)(rng.NextUInt64() & 0x7FFF_FFFF);

    /// <summary>Someone working an account: where, when and on what.</summary>
    private sealed class Persona
    {
        public int Country;
        public double Offset;
        public double StartHour;
        public uint IpBlock;
        public int FixedOctet = -1;
        public int Device;
        public int SecondDevice = -1;
        public int Vpn = -1;
        public bool Campus;
        public bool Bot;
        public InternetCafe? Cafe;
        public int Seat;

        /// <summary>The login country on every answer (the VPN's exit for VPN users).</summary>
        public int LoginCountry => Vpn >= 0 ? Vpn : Country;

        /// <summary>The address on day <paramref name="day"/>: fixed, campus, a VPN pool, or the home /24 with a daily last octet.</summary>
        public uint Address(int day, int account)
        {
            if (Campus)
            {
                return CampusAddress;
            }

            var mix = Xoshiro256.SplitMix64(((ulong)(uint)account << 32) | (uint)day);
            if (Cafe is { } cafe)
            {
                return cafe.Address(mix);
            }

            if (Vpn >= 0)
            {
                return (185u << 24) | (159u << 16) | ((uint)(mix >> 8) & 0xFFFFu);
            }

            return IpBlock | (uint)(FixedOctet >= 0 ? FixedOctet : 2 + (int)(mix % 250));
        }

        /// <summary>The device on day <paramref name="day"/>: people with two alternate by day; café regulars sit at a café computer.</summary>
        public int DeviceOn(int day, int account) =>
            Cafe is { } cafe ? cafe.Computer(Seat, Xoshiro256.SplitMix64(((ulong)(uint)account << 32) | (uint)day | (1UL << 31)))
            : SecondDevice >= 0 && day % 2 == 1 ? SecondDevice : Device;
    }

    /// <summary>An account while the crowd is made.</summary>
    private sealed class Account
    {
        public int Index;
        public string Id = "";
        public AdversaryKind Kind;
        public int Group;
        public bool IsLeader;
        public double BaseAccuracy;
        public double[] Accuracy = [];
        public double Speed;
        public double Activity;
        public int ConstantLabel;
        public int FirstDay;
        public int LastDay;
        public double ActiveDayShare;
        public int PaymentCountry;
        public Persona[] People = [];
        public double OnsetShare;
        public int Onset = int.MaxValue;
        public int[] Timeline = [];

        /// <summary>A ring member who copies its leader.</summary>
        public bool IsFollower => Kind == AdversaryKind.Ring && !IsLeader;

        public SimulatedAccount Describe(int classes, int answers) => new()
        {
            Id = Id,
            Kind = Kind,
            Group = Group,
            Accuracy = Kind is AdversaryKind.UniformSpammer or AdversaryKind.FastBot or AdversaryKind.ConstantSpammer ? 1.0 / classes : BaseAccuracy,
            Speed = Speed,
            PaymentCountry = Countries.All[PaymentCountry].Code,
            FirstDay = FirstDay,
            Onset = Kind == AdversaryKind.Sleeper ? Onset : -1,
            Answers = answers,
        };
    }
}
