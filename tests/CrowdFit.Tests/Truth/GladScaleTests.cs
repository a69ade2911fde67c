using System.Diagnostics;
using CrowdFit.Truth;

namespace CrowdFit.Tests.Truth;

public sealed class GladScaleTests
{
    [Fact]
    public void Fit_EightyEightThousandAnswers_FinishesInSeconds()
    {
        // trec2011 is the slowest public log for GLAD (28 EM iterations; about 2.3 s in a Release build on
        // 2 cores, where Crowd-Kit timed out past 240 s). The bound guards against accidental quadratic work.
        var answers = ReferenceData.Answers("trec2011");
        var watch = Stopwatch.StartNew();

        var fit = new Glad().Fit(answers);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
        Assert.True(fit.Truth.Converged);
    }
}
