using CrowdFit.Simulation.RedTeam;

namespace CrowdFit.Simulation.Tests.RedTeam;

public sealed class RedTeamTruthTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crowdfit-redteam-" + Guid.NewGuid().ToString("N"));

    public RedTeamTruthTests() => Directory.CreateDirectory(Path.Combine(_root, "truth"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_KindsAnswersAndLabels()
    {
        File.WriteAllText(Path.Combine(_root, "truth", "workers.csv"), "worker,kind,skill\nw1,honest,0.9\nw2,uniform-spammer,0.5\n");
        File.WriteAllText(Path.Combine(_root, "truth", "answers.csv"), "task,worker,true_label,is_bad,attack\nt1,w1,cat,0,\nt1,w2,cat,1,uniform-spammer\n");

        var truth = RedTeamTruth.Read(_root);

        Assert.Equal(["honest", "uniform-spammer"], truth.Kinds);
        Assert.Equal(["uniform-spammer"], truth.Attacks);
        Assert.Equal("uniform-spammer", truth.KindOf("w2"));
        Assert.Null(truth.KindOf("w9"));
        Assert.Equal((true, "uniform-spammer"), truth.AnswerOf("t1", "w2"));
        Assert.Equal("cat", truth.TrueLabelOf("t1"));
    }

    [Fact]
    public void Read_MissingColumn_NamesFileAndColumn()
    {
        File.WriteAllText(Path.Combine(_root, "truth", "workers.csv"), "worker\nw1\n");

        var error = Assert.Throws<InvalidDataException>(() => RedTeamTruth.Read(_root));

        Assert.Contains("workers.csv:1: column 'kind'", error.Message, StringComparison.Ordinal);
    }
}
