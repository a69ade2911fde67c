using CrowdFit.Agreement;
using CrowdFit.Answers;

namespace CrowdFit.Tests.Agreement;

public sealed class KrippendorffAlphaTests
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers, 12 units,
    // nominal values 1..5 with missing data.
    private static readonly string?[][] s_krippendorff2011 =
    [
        AgreementData.Row("1 2 3 3 2 1 4 1 2 * * *"),
        AgreementData.Row("1 2 3 3 2 2 4 1 2 5 * 3"),
        AgreementData.Row("* 3 3 3 2 3 4 2 2 5 1 *"),
        AgreementData.Row("1 2 3 3 2 4 4 1 2 5 1 *"),
    ];

    [Fact]
    public void Nominal_Krippendorff2011Example_Is0743()
    {
        var answers = AgreementData.FromCoders(s_krippendorff2011);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.Equal(0.743, result.Alpha, 3);
        Assert.Equal(904.0 / 1216, result.Alpha, 14);
        Assert.Equal(8.0 / 40, result.ObservedDisagreement, 14);
        Assert.Equal(1216.0 / 1560, result.ExpectedDisagreement, 14);
        Assert.Equal([9, 13, 10, 5, 3], result.CategoryTotals.ToArray());
        Assert.Equal(11, result.UnitsUsed);
        Assert.Equal(40, result.PairableValues);
    }

    [Fact]
    public void Nominal_Krippendorff2011BinaryExample_Is0095()
    {
        // Section A of the same paper: two observers, binary data, no missing values.
        var answers = AgreementData.FromCoders(
        [
            AgreementData.Row("0 1 0 0 0 0 0 0 1 0"),
            AgreementData.Row("1 1 1 0 0 1 0 0 0 0"),
        ]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.Equal(0.095, result.Alpha, 3);
        Assert.Equal(20, result.PairableValues);
    }

    [Fact]
    public void Nominal_WikipediaExample_Is0691()
    {
        // Wikipedia, "Krippendorff's alpha", a computational example: 3 coders, 15 units.
        var answers = AgreementData.FromCoders(
        [
            AgreementData.Row("* * * * * 3 4 1 2 1 1 3 3 * 3"),
            AgreementData.Row("1 * 2 1 3 3 4 3 * * * * * * *"),
            AgreementData.Row("* * 2 1 3 4 4 * 2 1 1 3 3 * 4"),
        ]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.Equal(0.691, result.Alpha, 3);
        Assert.Equal(26, result.PairableValues);
        Assert.Equal(12, result.UnitsUsed);
    }

    [Fact]
    public void Nominal_PerfectAgreement_IsOne()
    {
        var answers = AgreementData.FromCounts([[3, 0, 0], [0, 2, 0], [0, 0, 4], [2, 0, 0]]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.Equal(1.0, result.Alpha);
        Assert.Equal(0.0, result.ObservedDisagreement);
    }

    [Fact]
    public void Nominal_EveryValueSameCategory_IsNaNWithZeroDisagreements()
    {
        var answers = AgreementData.FromCounts([[3], [2], [4]]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.True(double.IsNaN(result.Alpha));
        Assert.Equal(0.0, result.ObservedDisagreement);
        Assert.Equal(0.0, result.ExpectedDisagreement);
        Assert.Equal(9, result.PairableValues);
    }

    [Fact]
    public void Nominal_RandomAnswers_IsNearZero()
    {
        var answers = AgreementData.RandomCrowd(seed: 6, tasks: 3000, minRaters: 1, maxRaters: 6, classes: 5);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.InRange(result.Alpha, -0.02, 0.02);
        Assert.True(result.UnitsUsed < 3000);
    }

    [Fact]
    public void Nominal_Include_EqualsNominalOnTheSubset()
    {
        var answers = AgreementData.FromCoders(s_krippendorff2011);
        var mask = AgreementData.RandomMask(seed: 3, answers.Count, share: 0.7);

        var subset = KrippendorffAlpha.Nominal(answers, mask);

        var rebuilt = KrippendorffAlpha.Nominal(answers.Where(mask));
        Assert.Equal(rebuilt.Alpha, subset.Alpha);
        Assert.Equal(rebuilt.ObservedDisagreement, subset.ObservedDisagreement);
        Assert.Equal(rebuilt.ExpectedDisagreement, subset.ExpectedDisagreement);
        Assert.Equal(rebuilt.CategoryTotals.ToArray(), subset.CategoryTotals.ToArray());
        Assert.Equal(rebuilt.PairableValues, subset.PairableValues);
        Assert.True(subset.PairableValues < 40);
    }

    [Fact]
    public void Nominal_IncludeOneCoderDropped_MatchesTableWithoutThatCoder()
    {
        var answers = AgreementData.FromCoders(s_krippendorff2011);
        var coderC = answers.FindWorker("coder2");
        var include = new bool[answers.Count];
        for (var a = 0; a < answers.Count; a++)
        {
            include[a] = answers.Workers[a] != coderC;
        }

        var result = KrippendorffAlpha.Nominal(answers, include);

        var withoutC = KrippendorffAlpha.Nominal(AgreementData.FromCoders([s_krippendorff2011[0], s_krippendorff2011[1], s_krippendorff2011[3]]));
        Assert.Equal(withoutC.Alpha, result.Alpha, 14);
        Assert.Equal(withoutC.PairableValues, result.PairableValues);
    }

    [Fact]
    public void Nominal_IncludeWrongLength_Throws()
    {
        var answers = AgreementData.FromCoders(s_krippendorff2011);

        Assert.Throws<ArgumentException>(() => KrippendorffAlpha.Nominal(answers, new bool[answers.Count + 1]));
    }

    [Fact]
    public void Nominal_WarmCall_AllocatesOnlyTheResult()
    {
        var answers = AgreementData.RandomCrowd(seed: 2, tasks: 2000, minRaters: 2, maxRaters: 6, classes: 4);
        KrippendorffAlpha.Nominal(answers);

        var before = GC.GetAllocatedBytesForCurrentThread();
        KrippendorffAlpha.Nominal(answers);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The result record and its four class totals; nothing per unit or per value.
        Assert.InRange(allocated, 1, 256);
    }

    [Fact]
    public void Nominal_Empty_IsNaNWithNoPairableValues()
    {
        var answers = AnswerSet.FromTriples([]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.True(double.IsNaN(result.Alpha));
        Assert.True(double.IsNaN(result.ObservedDisagreement));
        Assert.True(double.IsNaN(result.ExpectedDisagreement));
        Assert.Equal(0, result.UnitsUsed);
        Assert.Equal(0, result.PairableValues);
    }

    [Fact]
    public void Nominal_NoUnitWithTwoValues_IsNaNWithZeroTotals()
    {
        var answers = AgreementData.FromCoders([AgreementData.Row("1 2 * 3"), AgreementData.Row("* * 2 *")]);

        var result = KrippendorffAlpha.Nominal(answers);

        Assert.True(double.IsNaN(result.Alpha));
        Assert.Equal(0, result.UnitsUsed);
        Assert.All(result.CategoryTotals.ToArray(), n => Assert.Equal(0, n));
    }
}
