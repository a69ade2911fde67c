using CrowdFit.Answers;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class IbccTests
{
    [Fact]
    public void Infer_SingleAnswer_PosteriorFollowsPriorPseudoCounts()
    {
        // One task, one answer "a", two classes, default priors (class 1, correct 6, error 1). The answer
        // favours "a"; the prior keeps a single answer from being certain.
        var answers = AnswerSet.FromTriples([("t", "w", "a")], ["b"]);

        var result = new Ibcc().Infer(answers);

        Assert.Equal("a", answers.Labels[result.Label(0)]);
        Assert.InRange(result.Confidence(0), 0.6, 0.97);
    }

    [Fact]
    public void Infer_SparseWorkerWithOneOddAnswer_IsNotTrustedOverManyAgreeingWorkers()
    {
        var rows = new List<(string, string, string)>();
        for (var i = 0; i < 20; i++)
        {
            rows.Add(($"t{i}", "a1", "yes"));
            rows.Add(($"t{i}", "a2", "yes"));
            rows.Add(($"t{i}", "a3", i < 18 ? "yes" : "no"));
        }

        rows.Add(("odd", "newcomer", "no"));
        rows.Add(("odd", "a1", "yes"));
        var answers = AnswerSet.FromTriples(rows);

        var result = new Ibcc().Infer(answers);

        Assert.Equal("yes", answers.Labels[result.Label(answers.FindTask("odd"))]);
    }

    [Fact]
    public void Infer_WarmStartAfterDroppingAFewAnswers_AgreesWithAColdStartInFewerIterations()
    {
        var answers = SyntheticCrowd.Generate(seed: 9, tasks: 1500).Answers;
        var ibcc = new Ibcc();
        var full = ibcc.Infer(answers);
        var keep = new bool[answers.Count];
        for (var a = 0; a < keep.Length; a++)
        {
            keep[a] = a % 50 != 0;
        }

        var fewer = answers.Where(keep);
        var cold = ibcc.Infer(fewer);
        var warm = ibcc.Infer(fewer, null, full.Posteriors.ToArray());

        Assert.True(warm.Iterations < cold.Iterations, $"warm {warm.Iterations}, cold {cold.Iterations}");
        var differ = Enumerable.Range(0, answers.TaskCount).Count(t => warm.Label(t) != cold.Label(t));
        Assert.True(differ <= 2, $"{differ} labels differ");
        Assert.Throws<ArgumentException>(() => ibcc.Infer(fewer, null, new double[3]));
    }

    [Fact]
    public void Constructor_BadOptions_ReportsAllProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new Ibcc(new IbccOptions { CorrectPseudoCount = 0, ErrorPseudoCount = -1 }));

        Assert.Contains("CorrectPseudoCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("ErrorPseudoCount", error.Message, StringComparison.Ordinal);
    }
}
