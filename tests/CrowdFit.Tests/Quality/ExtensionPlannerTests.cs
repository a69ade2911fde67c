using CrowdFit.Quality;

namespace CrowdFit.Tests.Quality;

public sealed class ExtensionPlannerTests
{
    // Two classes, a symmetric 0.9 worker next. For a leader at p in [0.5, 0.9] one more answer leaves an expected
    // error of 0.1 (0.9p + 0.9(1 − p) kept), so the gain is (1 − p) − 0.1; above 0.9 an answer cannot flip the
    // leader and the gain is 0.
    private static readonly double[] s_worker = [0.9, 0.1, 0.1, 0.9];

    // Leaders 0.8, 0.95, 0.6, 0.7, 0.99 (errors 0.2, 0.05, 0.4, 0.3, 0.01; sum 0.96; gains 0.1, 0, 0.3, 0.2, 0).
    private static readonly double[] s_posteriors = [0.8, 0.2, 0.05, 0.95, 0.6, 0.4, 0.3, 0.7, 0.99, 0.01];

    [Fact]
    public void Plan_SetUnderAql_EmptyPlan()
    {
        var plan = ExtensionPlanner.Plan(s_posteriors, All(5), All(5), s_worker, 0.2);

        Assert.Equal(5, plan.Delivered);
        Assert.Equal(0.192, plan.ExpectedError, 12);
        Assert.Empty(plan.Tasks);
        Assert.True(plan.MeetsAql);
        Assert.True(plan.Reaches);
        Assert.Equal(plan.ExpectedError, plan.ProjectedError);
    }

    [Fact]
    public void Plan_OverAql_LargestGainFirstUntilUnder()
    {
        var plan = ExtensionPlanner.Plan(s_posteriors, All(5), All(5), s_worker, 0.1);

        // 0.96 − 0.3 − 0.2 = 0.46 ≤ 0.5 = 0.1 × 5.
        Assert.False(plan.MeetsAql);
        Assert.Equal([2, 3], plan.Tasks);
        Assert.Equal(0.46 / 5, plan.ProjectedError, 12);
        Assert.True(plan.Reaches);
    }

    [Fact]
    public void Plan_ProjectedError_IsMeanOfExpectedErrorsAfter()
    {
        var plan = ExtensionPlanner.Plan(s_posteriors, All(5), All(5), s_worker, 0.1);

        var sum = 0.0;
        for (var t = 0; t < 5; t++)
        {
            var row = s_posteriors.AsSpan(t * 2, 2);
            sum += plan.Tasks.Contains(t) ? TaskEvidence.ExpectedErrorAfter(row, s_worker) : 1 - row[TaskEvidence.Leader(row)];
        }

        Assert.Equal(sum / 5, plan.ProjectedError, 12);
    }

    [Fact]
    public void Plan_Unreachable_EveryGainingTaskAndReachesFalse()
    {
        var plan = ExtensionPlanner.Plan(s_posteriors, All(5), All(5), s_worker, 0.05);

        // 0.96 − 0.6 = 0.36 > 0.25; tasks without gain are not planned.
        Assert.Equal([2, 3, 0], plan.Tasks);
        Assert.Equal(0.36 / 5, plan.ProjectedError, 12);
        Assert.False(plan.Reaches);
    }

    [Fact]
    public void Plan_NotExtendable_NeverPlanned()
    {
        bool[] extendable = [true, true, false, true, true];

        var plan = ExtensionPlanner.Plan(s_posteriors, All(5), extendable, s_worker, 0.1);

        // Without task 2: 0.96 − 0.2 − 0.1 = 0.66 > 0.5.
        Assert.Equal([3, 0], plan.Tasks);
        Assert.DoesNotContain(2, plan.Tasks);
        Assert.Equal(0.66 / 5, plan.ProjectedError, 12);
        Assert.False(plan.Reaches);
    }

    [Fact]
    public void Plan_UndeliveredTasks_LeftOut()
    {
        bool[] delivered = [true, true, false, false, true];

        var plan = ExtensionPlanner.Plan(s_posteriors, delivered, All(5), s_worker, 0.05);

        // Errors 0.2, 0.05, 0.01: mean 0.26 / 3; only task 0 gains (0.1) → 0.16 / 3 > 0.05.
        Assert.Equal(3, plan.Delivered);
        Assert.Equal(0.26 / 3, plan.ExpectedError, 12);
        Assert.Equal([0], plan.Tasks);
        Assert.Equal(0.16 / 3, plan.ProjectedError, 12);
    }

    [Fact]
    public void Plan_NothingDelivered_ZeroError()
    {
        var plan = ExtensionPlanner.Plan(s_posteriors, new bool[5], All(5), s_worker, 0.02);

        Assert.Equal(0, plan.Delivered);
        Assert.Equal(0, plan.ExpectedError);
        Assert.Empty(plan.Tasks);
        Assert.True(plan.MeetsAql);
    }

    [Fact]
    public void Plan_EqualGains_LowerTaskFirst()
    {
        double[] posteriors = [0.7, 0.3, 0.3, 0.7, 0.7, 0.3];

        var plan = ExtensionPlanner.Plan(posteriors, All(3), All(3), s_worker, 0.15);

        // Errors 0.3 each (sum 0.9), gains 0.2 each; target 0.45 needs three.
        Assert.Equal([0, 1, 2], plan.Tasks);
    }

    [Fact]
    public void Plan_MismatchedSpans_Throw()
    {
        Assert.Throws<ArgumentException>(() => ExtensionPlanner.Plan(s_posteriors, All(4), All(4), s_worker, 0.1));
        Assert.Throws<ArgumentException>(() => ExtensionPlanner.Plan(s_posteriors, All(5), All(4), s_worker, 0.1));
        Assert.Throws<ArgumentException>(() => ExtensionPlanner.Plan(s_posteriors, All(5), All(5), new double[9], 0.1));
    }

    private static bool[] All(int n) => Enumerable.Repeat(true, n).ToArray();
}
