namespace CrowdFit.Simulation.Adversarial;

public sealed partial record AdversarialCrowdOptions
{
    /// <summary>The fair-operations scenario and its clean twin (SPEC G): <see cref="Operations"/> and <see cref="OperationsClean"/>.</summary>
    public static IReadOnlyList<string> OperationsPresetNames { get; } = ["operations", "operations-clean"];

    /// <summary>
    /// A mid-sized platform with fair-operations problems planted: 400 accounts give 60,000 answers on four task
    /// types over two weeks, a third of the workforce in Kenya, a dozen ordinary adversaries; the 'review' type
    /// pays well under a 7.25/h floor, a share of Kenya's honest workers work from internet cafés (shared address
    /// and shared computers), and from day 7 a guideline change moves 'neutral' moderation items to 'spam'.
    /// </summary>
    public static AdversarialCrowdOptions Operations { get; } = new()
    {
        Name = "operations",
        Tasks = 15_000,
        AnswersPerTask = 4,
        Labels = ["negative", "neutral", "positive", "spam"],
        ClassWeights = [0.3, 0.35, 0.25, 0.1],
        TaskTypes =
        [
            new("sentiment", 12, 0.07, 0.02), new("moderation", 25, 0.12, 0.04),
            new("relevance", 10, 0.06, 0.015), new("review", 40, 0.2, 0.03),
        ],
        GoldShare = 0.03,
        Days = 14,
        Honest = 388,
        Adversaries =
        [
            (AdversaryKind.UniformSpammer, 3), (AdversaryKind.ConstantSpammer, 2), (AdversaryKind.FastBot, 2),
            (AdversaryKind.TimeThief, 3), (AdversaryKind.GoldAware, 2),
        ],
        CountryShares = [("KE", 0.3)],
        Plants = new PlantedProblems
        {
            UnderpaidTaskType = "review",
            UnderpaidReward = 0.06,
            CafeCountry = "KE",
            CafeShare = 0.25,
            CafeRegulars = 8,
            CafeComputers = 2,
            DriftTaskType = "moderation",
            DriftDay = 7,
            DriftFrom = "neutral",
            DriftTo = "spam",
            DriftShare = 0.6,
        },
    };

    /// <summary>
    /// The clean twin of <see cref="Operations"/>: the same crowd, tasks and schedule with nothing planted (the
    /// 'review' type pays its fair reward, Kenya's workers work from home, no guideline change).
    /// </summary>
    public static AdversarialCrowdOptions OperationsClean { get; } = Operations with { Name = "operations-clean", Plants = PlantedProblems.None };
}
