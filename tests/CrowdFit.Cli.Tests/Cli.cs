namespace CrowdFit.Cli.Tests;

/// <summary>Runs the crowdfit command in process and captures what it prints.</summary>
internal static class Cli
{
    public static (int Code, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CrowdFitCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
