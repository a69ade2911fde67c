using CrowdFit.Simulation.Adversarial;

namespace CrowdFit.Simulation.Tests.Adversarial;

public sealed class AdversaryKindsTests
{
    [Fact]
    public void All_EveryKindInDeclarationOrder()
    {
        Assert.Equal(Enum.GetValues<AdversaryKind>(), AdversaryKinds.All);
        Assert.Equal(10, AdversaryKinds.All.Count);
    }

    [Theory]
    [InlineData(AdversaryKind.Honest, "honest")]
    [InlineData(AdversaryKind.UniformSpammer, "uniform-spammer")]
    [InlineData(AdversaryKind.ConstantSpammer, "constant-spammer")]
    [InlineData(AdversaryKind.FastBot, "fast-bot")]
    [InlineData(AdversaryKind.TimeThief, "time-thief")]
    [InlineData(AdversaryKind.GoldAware, "gold-aware")]
    [InlineData(AdversaryKind.Sleeper, "sleeper")]
    [InlineData(AdversaryKind.Ring, "ring")]
    [InlineData(AdversaryKind.SharedAccount, "shared-account")]
    [InlineData(AdversaryKind.AccountFarm, "account-farm")]
    public void Name_EachKind_IsKebabCaseAndParsesBack(AdversaryKind kind, string name)
    {
        Assert.Equal(name, kind.Name());
        Assert.Equal(kind, AdversaryKinds.Parse(name));
    }

    [Fact]
    public void Name_AllKinds_AreDistinct()
    {
        Assert.Equal(AdversaryKinds.All.Count, AdversaryKinds.All.Select(k => k.Name()).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("spammer")]
    [InlineData("Honest")]
    [InlineData("fast_bot")]
    [InlineData(" ring")]
    public void Parse_UnknownOrMisspelled_ReturnsNull(string name)
    {
        Assert.Null(AdversaryKinds.Parse(name));
    }
}
