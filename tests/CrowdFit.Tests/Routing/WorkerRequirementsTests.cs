using CrowdFit.Routing;

namespace CrowdFit.Tests.Routing;

public sealed class WorkerRequirementsTests
{
    private static readonly SkillEstimate s_good = new(0.9, 0.85, 0.94, 100);

    private static readonly WorkerRequirements s_medical = new()
    {
        Qualifications = new HashSet<string> { "medical" },
        MinAccuracy = 0.6,
        MinEvidence = 20,
        Regions = new HashSet<string> { "de", "FR" },
    };

    [Fact]
    public void Check_EveryRulePasses_Null()
    {
        var profile = Profile("De", "medical", "english");

        Assert.Null(s_medical.Check(profile, s_good));
        Assert.Null(WorkerRequirements.None.Check(Profile(null), new SkillEstimate(0.1, 0, 0.2, 1000)));
    }

    [Fact]
    public void Check_CountryOutsideRegions_SaysWhich()
    {
        Assert.Equal("country BR not in the project's regions", s_medical.Check(Profile("BR", "medical"), s_good));
        Assert.Equal("country unknown, and the project is limited to some regions", s_medical.Check(Profile(null, "medical"), s_good));
    }

    [Fact]
    public void Check_MissingQualification_NamesIt()
    {
        Assert.Equal("lacks qualification 'medical'", s_medical.Check(Profile("FR", "legal"), s_good));
    }

    [Fact]
    public void Check_LowAccuracyWithEnoughEvidence_Refused()
    {
        var weak = new SkillEstimate(0.54, 0.4, 0.67, 40);

        Assert.Equal("accuracy 0.54 under the project's minimum 0.60 after 40 answers", s_medical.Check(Profile("FR", "medical"), weak));
    }

    [Fact]
    public void Check_LowAccuracyBeforeMinEvidence_StillEligible()
    {
        var newcomer = new SkillEstimate(0.54, 0.3, 0.75, 19.5);

        Assert.Null(s_medical.Check(Profile("FR", "medical"), newcomer));
    }

    [Fact]
    public void Problems_BadSettings_AllListed()
    {
        var requirements = new WorkerRequirements { MinAccuracy = 1.2, MinEvidence = -1, Regions = new HashSet<string> { " " } };

        var problems = requirements.Problems();

        Assert.Equal(
            ["MinAccuracy must be in [0, 1]; got 1.2.", "MinEvidence must be zero or positive and finite; got -1.", "Regions must not hold a blank name."],
            problems);
        Assert.Empty(s_medical.Problems());
        Assert.Empty(WorkerRequirements.None.Problems());
    }

    private static WorkerProfile Profile(string? country, params string[] qualifications) => new("w1", country, new HashSet<string>(qualifications));
}
