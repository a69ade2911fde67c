using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class GladScaleTests
{
    [Fact]
    public void Fit_Trec2011_ConvergesBeforeTheIterationLimit()
    {
        // trec2011 (88,385 answers, 19,033 tasks) is the log on which Crowd-Kit's GLAD ran out of time;
        // speed is measured in bench/, this checks that the EM loop settles.
        var answers = ReferenceData.Answers("trec2011");

        var fit = new Glad().Fit(answers);

        Assert.True(fit.Truth.Converged);
        Assert.InRange(fit.Truth.Iterations, 1, new GladOptions().MaxIterations - 1);
    }
}
