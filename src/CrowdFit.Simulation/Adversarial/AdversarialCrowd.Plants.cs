using System.Globalization;
using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Adversarial;

/// <summary>The fair-operations problems of <see cref="AdversarialCrowdOptions.Plants"/>: underpay, café workers and a guideline change.</summary>
public sealed partial class AdversarialCrowd
{
    /// <summary>Name of the file in <c>truth/</c> that lists the planted problems.</summary>
    public const string PlantedFileName = "planted.csv";

    /// <summary>Header of <see cref="PlantedFileName"/>: one row per planted problem (none for a clean twin).</summary>
    public const string PlantedHeader = "problem,task_type,country,label,day,date,detail";

    private const ulong CafeStream = 0xCAFE;
    private const ulong DriftStream = 0xD21F7;

    private (int Regulars, int Eligible, int Cafes) _cafes;
    private int _driftAnswers;

    /// <summary>The reward of a task type as paid in this crowd (the planted underpay in place of the type's own).</summary>
    private double RewardOf(TaskTypeSpec type) =>
        _options.Plants is { UnderpaidTaskType: { } underpaid } plants && underpaid == type.Name ? plants.UnderpaidReward : type.Reward;

    /// <summary>
    /// Sends a share of the planted country's honest workers to internet cafés: a café's regulars share its
    /// address and its few computers, each regular with a usual seat. Draws from a stream of its own.
    /// </summary>
    private static (int Regulars, int Eligible, int Cafes) PlantCafes(AdversarialCrowdOptions options, Account[] accounts)
    {
        if (options.Plants is not { CafeCountry: { } code } plants)
        {
            return default;
        }

        var country = Countries.Find(code);
        var eligible = accounts
            .Where(a => a.Kind == AdversaryKind.Honest && a.People.Length == 1 && a.People[0] is { Vpn: < 0, Campus: false } p && p.Country == country)
            .ToArray();
        var rng = new Xoshiro256((ulong)options.Seed, CafeStream);
        Shuffle(eligible, ref rng);
        var regulars = (int)Math.Round(plants.CafeShare * eligible.Length);
        var cafes = 0;
        InternetCafe? cafe = null;
        for (var i = 0; i < regulars; i++)
        {
            if (i % plants.CafeRegulars == 0)
            {
                var computers = new int[plants.CafeComputers];
                for (var c = 0; c < computers.Length; c++)
                {
                    computers[c] = NewDevice(ref rng);
                }

                var block = ((uint)Countries.All[country].Octet << 24) | ((uint)rng.NextInt(256) << 16) | ((uint)rng.NextInt(256) << 8);
                cafe = new InternetCafe(block, computers, plants.UsualSeatShare);
                cafes++;
            }

            var person = eligible[i].People[0];
            person.Cafe = cafe;
            person.Seat = i % plants.CafeRegulars % plants.CafeComputers;
        }

        return (regulars, eligible.Length, cafes);
    }

    private static void Shuffle(Account[] items, ref Xoshiro256 rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// From the planted day on, honest answers on the drifting task type follow the new guideline: a task that
    /// truly is the narrowed label gets the other label with the planted chance. Draws from a stream of its own.
    /// </summary>
    private void PlantDrift()
    {
        if (_options.Plants is not { DriftTaskType: { } name, DriftFrom: { } from, DriftTo: { } to } plants)
        {
            return;
        }

        var type = _options.TaskTypes.Select(t => t.Name).ToList().IndexOf(name);
        var fromLabel = _options.Labels.ToList().IndexOf(from);
        var toLabel = _options.Labels.ToList().IndexOf(to);
        var rng = new Xoshiro256((ulong)_options.Seed, DriftStream);
        for (var i = 0; i < _answers.Length; i++)
        {
            ref var answer = ref _answers[i];
            var kind = _accounts[answer.Account].Kind;
            var honest = kind is AdversaryKind.Honest or AdversaryKind.TimeThief || (kind == AdversaryKind.Sleeper && !answer.Turned);
            if (honest && _taskType[answer.Task] == type && _trueLabel[answer.Task] == fromLabel
                && Math.Floor(answer.Submitted / SecondsPerDay) >= plants.DriftDay && rng.NextDouble() < plants.DriftShare)
            {
                answer.Label = toLabel;
                _driftAnswers++;
            }
        }
    }

    private void WritePlanted(TextWriter writer)
    {
        writer.Write(PlantedHeader);
        writer.Write('\n');
        var plants = _options.Plants ?? PlantedProblems.None;
        if (plants.UnderpaidTaskType is { } underpaid)
        {
            var fair = _options.TaskTypes.First(t => t.Name == underpaid).Reward;
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"pay,{underpaid},,,,,reward {plants.UnderpaidReward} per answer in place of {fair}\n"));
        }

        if (plants.CafeCountry is { } country)
        {
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"cohort,,{country},,,,{_cafes.Regulars} of {_cafes.Eligible} honest workers work from {_cafes.Cafes} internet cafés (one shared address and {plants.CafeComputers} shared computers each)\n"));
        }

        if (plants.DriftTaskType is { } drifting)
        {
            var date = _options.Start.UtcDateTime.AddDays(plants.DriftDay);
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"drift,{drifting},,{plants.DriftTo},{plants.DriftDay},{date:yyyy-MM-dd},from this day honest answers on '{plants.DriftFrom}' tasks say '{plants.DriftTo}' {plants.DriftShare * 100:0} % of the time ({_driftAnswers} answers)\n"));
        }
    }

    /// <summary>An internet café: one address block behind its router and a few computers its regulars share.</summary>
    private sealed class InternetCafe(uint block, int[] computers, double usualSeatShare)
    {
        /// <summary>One of the café's three public addresses, by the day's hash.</summary>
        public uint Address(ulong mix) => block | (uint)(2 + (int)(mix % 3));

        /// <summary>The computer a regular with the given seat uses on a day: the usual one, else any.</summary>
        public int Computer(int seat, ulong mix)
        {
            var u = (mix >> 11) * (1.0 / (1UL << 53));
            return u < usualSeatShare ? computers[seat] : computers[(int)(mix % (ulong)computers.Length)];
        }
    }
}
