namespace CrowdFit.Cli.Tests.Commands;

public sealed class BenchTruthTests
{
    [Fact]
    public void Run_FolderWithOnePair_PrintsAccuracyBesideThePeerFigure()
    {
        using var folder = new TempFolder();
        folder.Write("toy.answers.csv", "task,worker,label\nt1,a,x\nt1,b,x\nt1,c,y\nt2,a,y\nt2,b,y\nt2,c,y\n");
        folder.Write("toy.gold.csv", "task,label\nt1,x\nt2,x\n");
        folder.Write("PEERS.md", "| dataset | tasks | MajorityVote | DawidSkene |\n|---|---:|---:|---:|\n| toy | 2 | 0.5000 (0.01s) | 0.2500 (0.02s) |\n");
        var report = folder.File("report.md");

        var (code, stdout, stderr) = Cli.Run("bench", "truth", folder.Path, "--methods", "mv", "ds", "--report", report);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("| dataset | mv | Crowd-Kit MajorityVote | ds | Crowd-Kit DawidSkene | Crowd-Kit best |", stdout, StringComparison.Ordinal);
        Assert.Contains("| toy | 0.5000 (", stdout, StringComparison.Ordinal);
        Assert.Contains("| 0.5000 MajorityVote |", stdout, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(report), stdout[stdout.IndexOf("| dataset", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Run_FolderWithoutPairs_ExitsTwo()
    {
        using var folder = new TempFolder();

        var (code, _, stderr) = Cli.Run("bench", "truth", folder.Path);

        Assert.Equal(2, code);
        Assert.Contains("no <name>.answers.csv", stderr, StringComparison.Ordinal);
    }
}
