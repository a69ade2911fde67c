using CrowdFit.Simulation.Sampling;

namespace CrowdFit.Simulation.Adversarial;

/// <summary>When each answer was worked and what time was claimed.</summary>
public sealed partial class AdversarialCrowd
{
    /// <summary>Lays the account's answers out in time, in timeline order, on its people's schedules.</summary>
    private void Schedule(Account account, int[] timeline, ref Xoshiro256 rng)
    {
        if (account.Kind == AdversaryKind.Sleeper)
        {
            account.Onset = (int)(account.OnsetShare * timeline.Length);
        }

        if (account.People.Length == 1)
        {
            LayOut(account, 0, timeline, ref rng);
        }
        else
        {
            // A shared account: each answer worked by one of its people, each on their own day.
            var byPerson = new List<int>[account.People.Length];
            for (var p = 0; p < byPerson.Length; p++)
            {
                byPerson[p] = [];
            }

            foreach (var answer in timeline)
            {
                byPerson[rng.NextInt(byPerson.Length)].Add(answer);
            }

            for (var p = 0; p < byPerson.Length; p++)
            {
                LayOut(account, p, [.. byPerson[p]], ref rng);
            }
        }

        if (account.Kind == AdversaryKind.TimeThief)
        {
            Inflate(timeline, ref rng);
        }
    }

    /// <summary>One person's answers, worked one after another in sessions on the days they are active.</summary>
    private void LayOut(Account account, int person, int[] answers, ref Xoshiro256 rng)
    {
        if (answers.Length == 0)
        {
            return;
        }

        var persona = account.People[person];
        var days = new List<int>();
        for (var d = account.FirstDay; d <= account.LastDay; d++)
        {
            if (rng.NextDouble() < account.ActiveDayShare)
            {
                days.Add(d);
            }
        }

        if (days.Count == 0)
        {
            days.Add(account.FirstDay + rng.NextInt(account.LastDay - account.FirstDay + 1));
        }

        // Each answer falls on a random active day; the earliest answers on the earliest days.
        var dayOf = new int[answers.Length];
        for (var i = 0; i < dayOf.Length; i++)
        {
            dayOf[i] = days[rng.NextInt(days.Count)];
        }

        Array.Sort(dayOf);
        var clock = double.NegativeInfinity;
        var currentDay = -1;
        for (var i = 0; i < answers.Length; i++)
        {
            ref var answer = ref _answers[answers[i]];
            if (dayOf[i] != currentDay)
            {
                currentDay = dayOf[i];
                var startHour = persona.StartHour + (persona.Bot ? 0 : Distributions.StandardNormal(ref rng));
                clock = Math.Max(clock + 600, (currentDay * SecondsPerDay) + ((startHour - persona.Offset) * 3600));
            }

            double duration;
            double pause;
            if (persona.Bot)
            {
                // A script: one to three seconds a task, then a fixed beat.
                duration = 1 + (2 * rng.NextDouble());
                pause = 2.5 + (0.2 * rng.NextDouble());
            }
            else
            {
                duration = Duration(account, answer.Task, ref rng) * (account.Kind == AdversaryKind.Sleeper && i >= account.Onset && account.People.Length == 1 ? 0.5 : 1);
                pause = 1 + (8 * -Math.Log(rng.NextOpenDouble())) + (rng.NextDouble() < 0.03 ? 300 + (1200 * rng.NextDouble()) : 0);
            }

            answer.Person = person;
            answer.Day = currentDay;
            answer.Started = clock;
            answer.Submitted = clock + duration;
            clock = answer.Submitted + pause;
        }
    }

    /// <summary>A time thief claims three to eight times the real time on two answers in five, starting the claim earlier.</summary>
    private void Inflate(int[] timeline, ref Xoshiro256 rng)
    {
        foreach (var i in timeline)
        {
            if (rng.NextDouble() < 0.4)
            {
                ref var answer = ref _answers[i];
                var real = answer.Submitted - answer.Started;
                answer.Started = answer.Submitted - (real * (3 + (5 * rng.NextDouble())));
                answer.Inflated = true;
            }
        }
    }

    /// <summary>A ring member copies its leader's answer on the same task and submits it seconds later.</summary>
    private void Follow(Account account, int[] timeline, ref Xoshiro256 rng)
    {
        var leader = _accounts.First(a => a.IsLeader && a.Group == account.Group);
        var leaderAnswer = new Dictionary<int, int>(leader.Timeline.Length);
        foreach (var i in leader.Timeline)
        {
            leaderAnswer[_answers[i].Task] = i;
        }

        var lag = 5 + (25 * rng.NextDouble());
        var k = _options.Labels.Count;
        foreach (var i in timeline)
        {
            ref var answer = ref _answers[i];
            var copied = _answers[leaderAnswer[answer.Task]];
            var shift = lag + (4 * rng.NextDouble());
            answer.Person = 0;
            answer.Day = copied.Day;
            answer.Started = copied.Started + shift;
            answer.Submitted = Math.Max(answer.Started + 1, copied.Submitted + shift + (2 * rng.NextDouble()));
            answer.Label = rng.NextDouble() < 0.9 ? copied.Label : rng.NextInt(k);
        }
    }
}
