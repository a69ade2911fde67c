using CrowdFit.Service.Findings;

namespace CrowdFit.Service.Tests.Findings;

public sealed class WorkerViewTests
{
    [Fact]
    public void Redact_OtherIdsAsWholeWords_OwnIdAndNumbersKept()
    {
        var text = "in ring 1 of 3 accounts: agrees with w12 on 31 of 33 shared tasks; w1 copies w12; w120 idle";

        var seen = WorkerView.Redact(text, "w1", ["w1", "w12", "w120", "3", "w7"]);

        Assert.Equal("in ring 1 of another account accounts: agrees with another account on 31 of 33 shared tasks; w1 copies another account; another account idle", seen);
    }

    [Fact]
    public void Redact_IdContainingAnother_ReplacedWhole()
    {
        var seen = WorkerView.Redact("shares a device with ann.b", "me", ["ann", "ann.b"]);

        Assert.Equal("shares a device with another account", seen);
    }
}
