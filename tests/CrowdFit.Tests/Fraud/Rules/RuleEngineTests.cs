using CrowdFit.Fraud.Rules;
using static CrowdFit.Tests.Fraud.Rules.RuleLog;

namespace CrowdFit.Tests.Fraud.Rules;

public sealed class RuleEngineTests
{
    [Fact]
    public void Run_MaxRate_FlagsOnlyWindowsWithTooManyAnswers()
    {
        // "fast" fits 6 answers in 50 s; "edge" spreads 6 over exactly 60 s; "five" has only 5.
        var rows = new List<RuleRow>();
        rows.AddRange(Series("fast", "f", [0, 10, 20, 30, 40, 50]));
        rows.AddRange(Series("edge", "e", [0, 12, 24, 36, 48, 60]));
        rows.AddRange(Series("five", "v", [0, 1, 2, 3, 4]));
        var log = Build(rows);

        var report = Engine("""{ "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 }""").Run(log);

        Assert.Equal(["f1/fast", "f2/fast", "f3/fast", "f4/fast", "f5/fast", "f6/fast"], Flagged(log, report));
        Assert.Equal(0, WorkerP(log, report, "fast"));
        Assert.Equal(1, WorkerP(log, report, "edge"));
        Assert.Equal(1, WorkerP(log, report, "five"));
        Assert.StartsWith("rule 'burst': 6 answers within 60 s from 2026-03-02 00:00 UTC, more than 5 allowed", WorkerReason(log, report, "fast"), StringComparison.Ordinal);
        Assert.Null(WorkerReason(log, report, "edge"));
    }

    [Fact]
    public void Run_MaxRate_SlidingWindowMarksOnlyTheCrowdedAnswers()
    {
        var log = Build(Series("w", "t", [0, 5, 9, 20, 25, 40]));

        var report = Engine("""{ "name": "burst", "kind": "max-rate", "answers": 2, "seconds": 10 }""").Run(log);

        Assert.Equal(["t1/w", "t2/w", "t3/w"], Flagged(log, report));
    }

    [Fact]
    public void Run_MaxRate_RareBurstFlagsAnswersButNotWorker()
    {
        // 30 calm answers 100 s apart, then 6 answers 5 s apart from 5000 s (01:23 UTC).
        var times = Enumerable.Range(0, 30).Select(i => i * 100.0).Concat(Enumerable.Range(0, 6).Select(i => 5000.0 + (5 * i))).ToArray();
        var log = Build(Series("w", "t", times));

        var report = Engine("""{ "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 }""").Run(log);

        Assert.Equal(6, Flagged(log, report).Length);
        Assert.Equal(1, WorkerP(log, report, "w"));
        Assert.Equal(30, report.Onsets![0]);
        Assert.EndsWith("6 of 36 answers (17%) break flag rules (the worker is flagged from 25%)", WorkerReason(log, report, "w"), StringComparison.Ordinal);
        Assert.Equal("rule 'burst': one of 6 answers within 60 s around 2026-03-02 01:23 UTC, more than 5 allowed", report.AnswerReason(Answer(log, "t36", "w")));
        Assert.Null(report.AnswerReason(Answer(log, "t1", "w")));
    }

    [Fact]
    public void Run_MinSeconds_FlagsDurationsStrictlyBelowTheLimitOfTheirTaskType()
    {
        var log = Build(
        [
            new("t1", "a", "x", 0, 0.5, Type: "text"),
            new("t2", "a", "x", 10, 11, Type: "text"),
            new("t3", "a", "x", 20, 22, Type: "text"),
            new("t4", "a", "x", 30, 32, Type: "image"),
            new("t5", "a", "x", 40, 44, Type: "image"),
            new("t6", "a", "x", null, 50, Type: "image"),
        ]);

        var report = Engine(
            """{ "name": "too-quick-image", "kind": "min-seconds", "task_type": "image", "seconds": 3 }""",
            """{ "name": "too-quick", "kind": "min-seconds", "seconds": 1 }""").Run(log);

        Assert.Equal(["t1/a", "t4/a"], Flagged(log, report));
        Assert.Equal("rule 'too-quick-image': took 2 s, under 3 s", report.AnswerReason(Answer(log, "t4", "a")));
        Assert.Equal("rule 'too-quick': took 0.5 s, under 1 s", report.AnswerReason(Answer(log, "t1", "a")));
        Assert.StartsWith("rule 'too-quick-image': 1 of 2 'image' answers took under 3 s (fastest 2 s); rule 'too-quick': 1 of 5 answers took under 1 s (fastest 0.5 s)", WorkerReason(log, report, "a"), StringComparison.Ordinal);
        Assert.Equal(0, WorkerP(log, report, "a"));
    }

    [Fact]
    public void Run_MaxSeconds_FlagsDurationsStrictlyAboveTheLimit()
    {
        var log = Build([new("t1", "a", "x", 0, 3600), new("t2", "a", "x", 4000, 7601), new("t3", "b", "x", 0, 100)]);

        var report = Engine("""{ "name": "too-long", "kind": "max-seconds", "seconds": 3600, "action": "suspend" }""").Run(log);

        Assert.Equal(["t2/a"], Flagged(log, report));
        Assert.Equal("rule 'too-long': took 1 h 1 s, over 1 h", report.AnswerReason(Answer(log, "t2", "a")));
        Assert.Equal(0, WorkerP(log, report, "a"));
        Assert.Equal(1, WorkerP(log, report, "b"));
        Assert.Equal("rule 'too-long': 1 of 2 answers took over 1 h (longest 1 h 1 s) (suspend)", WorkerReason(log, report, "a"));
    }

    [Fact]
    public void Run_MaxFailedGold_SuspendsWorkerAndFlagsOnlyTheWrongGoldAnswers()
    {
        var gold = new[] { ("g1", "x"), ("g2", "x"), ("g3", "x"), ("g4", "x"), ("g5", "x") };
        var rows = new List<RuleRow>();
        rows.AddRange(gold.Select((g, i) => new RuleRow(g.Item1, "bad", i < 4 ? "y" : "x")));
        rows.AddRange(gold.Select((g, i) => new RuleRow(g.Item1, "ok", i < 3 ? "y" : "x")));
        rows.AddRange(gold.Select(g => new RuleRow(g.Item1, "good", "x")));
        rows.Add(new RuleRow("n1", "bad", "y"));
        var log = Build(rows, gold);

        var report = Engine("""{ "name": "failed-gold", "kind": "max-failed-gold", "count": 3 }""").Run(log);

        Assert.Equal(["g1/bad", "g2/bad", "g3/bad", "g4/bad"], Flagged(log, report));
        Assert.Equal(0, WorkerP(log, report, "bad"));
        Assert.Equal(1, WorkerP(log, report, "ok"));
        Assert.Equal(1, WorkerP(log, report, "good"));
        Assert.Equal("rule 'failed-gold': wrong on 4 of 5 gold answers, more than 3 allowed (suspend)", WorkerReason(log, report, "bad"));
        Assert.Null(WorkerReason(log, report, "ok"));
    }

    [Fact]
    public void Run_CountryMismatch_FlagsWorkersAboveTheShareOnTheirMismatchedAnswers()
    {
        var log = Build(
        [
            new("t1", "away", "x", Country: "DE", Payment: "US"),
            new("t2", "away", "x", Country: "DE", Payment: "US"),
            new("t3", "away", "x", Country: "DE", Payment: "US"),
            new("t4", "away", "x", Country: "US", Payment: "US"),
            new("t1", "half", "x", Country: "FR", Payment: "US"),
            new("t2", "half", "x", Country: "FR", Payment: "US"),
            new("t3", "half", "x", Country: "US", Payment: "US"),
            new("t4", "half", "x", Country: "US", Payment: "US"),
            new("t1", "case", "x", Country: "us", Payment: "US"),
            new("t2", "case", "x", Country: null, Payment: "US"),
        ]);

        var report = Engine("""{ "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }""").Run(log);

        Assert.Equal(["t1/away", "t2/away", "t3/away"], Flagged(log, report));
        Assert.Equal(0, WorkerP(log, report, "away"));
        Assert.Equal(1, WorkerP(log, report, "half"));
        Assert.Equal(1, WorkerP(log, report, "case"));
        Assert.StartsWith("rule 'geo': 3 of 4 answers (75%) from a country other than the payment country, more than 50% allowed", WorkerReason(log, report, "away"), StringComparison.Ordinal);
        Assert.Equal("rule 'geo': sent from DE with payment country US; 75% of the worker's answers come from another country, more than 50% allowed", report.AnswerReason(Answer(log, "t1", "away")));
    }

    [Fact]
    public void Run_NoColumnForAnyRule_SkipsNamingWhatIsMissing()
    {
        var log = Build([new("t1", "a", "x"), new("t2", "a", "y")]);

        var report = Engine(
            """{ "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 }""",
            """{ "name": "quick", "kind": "min-seconds", "seconds": 1 }""",
            """{ "name": "failed-gold", "kind": "max-failed-gold", "count": 3 }""",
            """{ "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }""").Run(log);

        Assert.False(report.Ran);
        Assert.Equal(
            "no rule can be checked: rule 'burst' needs submitted_at; rule 'quick' needs started_at and submitted_at; rule 'failed-gold' needs gold labels; rule 'geo' needs country and payment_country",
            report.SkippedBecause);
        Assert.All(report.WorkerP.ToArray(), p => Assert.Equal(1, p));
    }

    [Fact]
    public void Run_SomeRulesUnchecked_RunsTheOthersAndSaysWhichWereLeftOut()
    {
        var log = Build([.. Series("w", "t", [0, 1, 2]), new("u1", "v", "x", 0, 10, Type: "text")]);
        var engine = Engine(
            """{ "name": "burst", "kind": "max-rate", "answers": 2, "seconds": 60 }""",
            """{ "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }""",
            """{ "name": "quick-video", "kind": "min-seconds", "task_type": "video", "seconds": 5 }""");

        var report = engine.Run(log);

        Assert.True(report.Ran);
        Assert.Equal(["rule 'geo' needs country and payment_country", "rule 'quick-video' names task type 'video', which is not in the log"], engine.UncheckedRules(log));
        Assert.Equal(3, Flagged(log, report).Length);
        Assert.EndsWith("; not checked: rule 'geo' needs country and payment_country; rule 'quick-video' names task type 'video', which is not in the log", WorkerReason(log, report, "w"), StringComparison.Ordinal);
    }

    [Fact]
    public void UncheckedRules_TaskTypeRuleOnLogWithoutTypes_NeedsTaskType()
    {
        var log = Build(Series("w", "t", [0, 1]));

        var notes = Engine("""{ "name": "q", "kind": "min-seconds", "task_type": "image", "seconds": 3 }""").UncheckedRules(log);

        Assert.Equal(["rule 'q' needs task_type"], notes);
    }

    [Fact]
    public void Run_CleanCrowdWithSampleRules_FlagsNothing()
    {
        var log = Build(SyntheticRows(seed: 7, cheaters: false), SyntheticGold());

        var report = new RuleEngine(FraudRules.Parse(SampleRules)).Run(log);

        Assert.True(report.Ran);
        Assert.Empty(Flagged(log, report));
        Assert.All(report.WorkerP.ToArray(), p => Assert.Equal(1, p));
        Assert.All(Enumerable.Range(0, log.Answers.WorkerCount), w => Assert.Null(report.WorkerReason(w)));
    }

    [Fact]
    public void Run_TwiceOnSameLog_IdenticalReports()
    {
        var log = Build(SyntheticRows(seed: 11, cheaters: true), SyntheticGold());
        var rules = FraudRules.Parse(SampleRules);

        var first = new RuleEngine(rules).Run(log);
        var second = new RuleEngine(FraudRules.Parse(SampleRules)).Run(log);

        Assert.NotEmpty(Flagged(log, first));
        Assert.Contains(0.0, first.WorkerP.ToArray());
        Assert.Equal(first.WorkerP.ToArray(), second.WorkerP.ToArray());
        Assert.Equal(first.AnswerP.ToArray(), second.AnswerP.ToArray());
        Assert.Equal(first.Onsets, second.Onsets);
        for (var w = 0; w < log.Answers.WorkerCount; w++)
        {
            Assert.Equal(first.WorkerReason(w), second.WorkerReason(w));
        }

        for (var a = 0; a < log.Answers.Count; a++)
        {
            Assert.Equal(first.AnswerReason(a), second.AnswerReason(a));
        }
    }

    private const string SampleRules = """
        {
          "rules": [
            { "name": "burst", "kind": "max-rate", "answers": 5, "seconds": 60 },
            { "name": "too-quick", "kind": "min-seconds", "seconds": 1 },
            { "name": "too-long", "kind": "max-seconds", "seconds": 3600 },
            { "name": "failed-gold", "kind": "max-failed-gold", "count": 3 },
            { "name": "geo", "kind": "country-mismatch", "min_share": 0.5 }
          ]
        }
        """;

    private static RuleEngine Engine(params string[] rules) => new(FraudRules.Parse($$"""{ "rules": [ {{string.Join(", ", rules)}} ] }"""));

    /// <summary>Answers of one worker to tasks prefix1, prefix2, ... submitted at the given seconds, each started 2 s before.</summary>
    private static IEnumerable<RuleRow> Series(string worker, string prefix, double[] submits) =>
        submits.Select((s, i) => new RuleRow($"{prefix}{i + 1}", worker, "x", s - 2, s));

    private static (string Task, string Label)[] SyntheticGold() => [.. Enumerable.Range(0, 20).Select(t => ($"t{t}", t % 2 == 0 ? "x" : "y"))];

    /// <summary>
    /// 40 workers answering 100 tasks (labels x/y by task parity) at a human pace: 30 to 90 s apart, 5 to 60 s
    /// each, from their payment country. With cheaters, workers 0 to 3 burst, rush, fail gold or work abroad.
    /// </summary>
    private static List<RuleRow> SyntheticRows(int seed, bool cheaters)
    {
        var rng = new Random(seed);
        var rows = new List<RuleRow>();
        string[] countries = ["US", "DE", "IN", "BR"];
        for (var w = 0; w < 40; w++)
        {
            var clock = rng.NextDouble() * 3600;
            var home = countries[w % countries.Length];
            foreach (var t in Enumerable.Range(0, 100).OrderBy(_ => rng.Next()).Take(30))
            {
                var role = cheaters ? w : -1;
                clock += role == 0 ? 2 : 30 + (60 * rng.NextDouble());
                var duration = role == 1 ? 0.3 : 5 + (55 * rng.NextDouble());
                var truth = t % 2 == 0 ? "x" : "y";
                var label = role == 2 || (rng.NextDouble() < 0.03 && t >= 20) ? (truth == "x" ? "y" : "x") : truth;
                var country = role == 3 ? "RU" : home;
                rows.Add(new RuleRow($"t{t}", $"w{w}", label, clock - duration, clock, country, home));
            }
        }

        return rows;
    }
}
