using CrowdFit.Quality;

namespace CrowdFit.Tests.Quality;

public sealed class AqlRuleTests
{
    private static readonly string[] s_labels = ["cat", "dog"];
    private static readonly AqlOptions s_options = new() { Aql = 0.02, MaxAnswers = 5 };

    [Fact]
    public void Decide_TwoAgreeingAnswersUnderAql_Accept()
    {
        // Two agreeing 0.9 answers: 81 : 1, error 1/82 = 1.2 %.
        var log = Evidence(0.9, 0, 0);

        var decision = AqlRule.Decide(log, 2, LogSymmetric(0.8), s_options, s_labels, "not trusted yet", false);

        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.Equal(0, decision.Label);
        Assert.Equal(81.0 / 82, decision.Confidence, 12);
        Assert.Equal(2, decision.Answers);
        Assert.Equal(0, decision.More);
        Assert.False(decision.Audit);
        Assert.False(decision.WantsAnswers);
        Assert.Equal(["'cat' at 98.8 % after 2 answers: error 1.2 % within the AQL 2.0 %"], decision.Reasons);
    }

    [Fact]
    public void Decide_SingleTrustedAnswer_Accept()
    {
        var log = Evidence(0.995, 1);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.8), s_options, s_labels, null, false);

        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.Equal(1, decision.Label);
        Assert.Equal(1, decision.Answers);
        Assert.False(decision.Audit);
        Assert.False(decision.WantsAnswers);
        Assert.Equal(["'dog' at 99.5 % after 1 answer: error 0.50 % within the AQL 2.0 %"], decision.Reasons);
    }

    [Fact]
    public void Decide_SingleTrustedAnswerAudited_AcceptWithAudit()
    {
        var log = Evidence(0.995, 1);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.8), s_options, s_labels, null, true);

        Assert.Equal(DecisionKind.Accept, decision.Kind);
        Assert.True(decision.Audit);
        Assert.True(decision.WantsAnswers);
        Assert.Equal(0, decision.More);
        Assert.Equal(2, decision.Reasons.Count);
        Assert.Contains("audit sample", decision.Reasons[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_SingleUntrustedAnswer_ExtendWithTheReason()
    {
        var log = Evidence(0.995, 1);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.8), s_options, s_labels, "the worker is new", true);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(1, decision.Label);
        Assert.Equal(1, decision.More);
        Assert.False(decision.Audit);
        Assert.True(decision.WantsAnswers);
        Assert.Equal(["a single answer is not enough: the worker is new"], decision.Reasons);
    }

    [Fact]
    public void Decide_SingleAnswerModeOff_ExtendEvenWhenTrusted()
    {
        var log = Evidence(0.995, 1);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.8), s_options with { SingleAnswer = false }, s_labels, null, false);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(1, decision.More);
        Assert.Equal(["every task needs two answers (1+0 mode is off)"], decision.Reasons);
    }

    [Fact]
    public void Decide_ErrorOverAql_ExtendByPredictedAgreeingAnswers()
    {
        // One 0.8 answer: error 20 %. Next workers 0.8: n more agreeing leave 1 / (1 + 4^(n+1)); n = 2 gives 1/65.
        var log = Evidence(0.8, 0);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.8), s_options, s_labels, null, false);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(0, decision.Label);
        Assert.Equal(0.8, decision.Confidence, 12);
        Assert.Equal(2, decision.More);
        Assert.Equal(TaskEvidence.AgreeingNeeded(log, LogSymmetric(0.8), 0.02, 4), decision.More);
        Assert.Equal(["'cat' at 80.0 %: error 20.0 % is over the AQL 2.0 %"], decision.Reasons);
    }

    [Fact]
    public void Decide_BetterNextWorkers_FewerMore()
    {
        var log = Evidence(0.8, 0);

        var decision = AqlRule.Decide(log, 1, LogSymmetric(0.99), s_options, s_labels, null, false);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(1, decision.More);
    }

    [Fact]
    public void Decide_BudgetSpent_Review()
    {
        // Five answers, three cat and two dog from equal workers: the evidence of one answer, error 20 %.
        var log = Evidence(0.8, 0, 1, 0, 1, 0);

        var decision = AqlRule.Decide(log, 5, LogSymmetric(0.8), s_options, s_labels, null, false);

        Assert.Equal(DecisionKind.Review, decision.Kind);
        Assert.Equal(0, decision.Label);
        Assert.Equal(5, decision.Answers);
        Assert.Equal(0, decision.More);
        Assert.Equal(["'cat' at 80.0 %: error 20.0 % is over the AQL 2.0 %", "the budget of 5 answers is spent"], decision.Reasons);
    }

    [Fact]
    public void Decide_NeedBeyondBudget_ReviewAtOnce()
    {
        // Two answers that cancel (50 %); three agreeing 0.8 answers are needed but only one is left.
        var log = Evidence(0.8);

        var decision = AqlRule.Decide(log, 2, LogSymmetric(0.8), s_options with { MaxAnswers = 3 }, s_labels, null, false);

        Assert.Equal(DecisionKind.Review, decision.Kind);
        Assert.Equal(0, decision.More);
        Assert.Equal(["'cat' at 50.0 %: error 50.0 % is over the AQL 2.0 %", "even 1 more agreeing answers would not reach the AQL"], decision.Reasons);
    }

    [Fact]
    public void Decide_NeedExactlyTheBudget_Extend()
    {
        var log = Evidence(0.8);

        var decision = AqlRule.Decide(log, 2, LogSymmetric(0.8), s_options with { MaxAnswers = 5 }, s_labels, null, false);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(3, decision.More);
    }

    [Fact]
    public void Decide_NoAnswers_ExtendByTheFirstNeeded()
    {
        var log = Evidence(0.8);

        var decision = AqlRule.Decide(log, 0, LogSymmetric(0.8), s_options, s_labels, null, false);

        Assert.Equal(DecisionKind.Extend, decision.Kind);
        Assert.Equal(-1, decision.Label);
        Assert.Equal(0, decision.Answers);
        Assert.Equal(3, decision.More);
        Assert.True(decision.WantsAnswers);
        Assert.Equal(["no counted answer yet"], decision.Reasons);
    }

    [Fact]
    public void Problems_BadSettings_AllListed()
    {
        var options = new AqlOptions { Aql = 1, MaxAnswers = 0, TrustedAfter = -1, AuditShare = double.NaN };

        var problems = options.Problems();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Aql", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MaxAnswers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TrustedAfter", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AuditShare", StringComparison.Ordinal));
        Assert.Empty(new AqlOptions().Problems());
    }

    /// <summary>Log evidence of a uniform prior and the given labels, each from a symmetric worker of this accuracy.</summary>
    private static double[] Evidence(double accuracy, params int[] labels)
    {
        double[] log = [Math.Log(0.5), Math.Log(0.5)];
        var logConfusion = LogSymmetric(accuracy);
        foreach (var label in labels)
        {
            TaskEvidence.Add(log, logConfusion, label);
        }

        return log;
    }

    private static double[] LogSymmetric(double accuracy)
    {
        var confusion = new double[4];
        TaskEvidence.Symmetric(accuracy, confusion, 2);
        var log = new double[4];
        TaskEvidence.Log(confusion, log);
        return log;
    }
}
