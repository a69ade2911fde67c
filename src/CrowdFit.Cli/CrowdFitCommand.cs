using System.CommandLine;
using CrowdFit.Cli.Commands;

namespace CrowdFit.Cli;

/// <summary>The <c>crowdfit</c> root command and its subcommands.</summary>
internal static class CrowdFitCommand
{
    /// <summary>Parses <paramref name="args"/>, runs the chosen command and returns its exit code.</summary>
    /// <remarks>Exit codes: 0 success, 1 a quality gate failed or the command line was wrong, 2 bad input.</remarks>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("CrowdFit: true labels, worker fitness and fraud checks for crowd and gig work.")
        {
            AggregateCommand.Create(stdout, stderr),
            AnalyzeCommand.Create(stdout, stderr),
            AuditCommand.Create(stdout, stderr),
            BenchCommand.Create(stdout, stderr),
            ConvertCommand.Create(stdout, stderr),
            RedTeamCommand.Create(stdout, stderr),
            ServeCommand.Create(stdout, stderr),
            SimulateCommand.Create(stdout, stderr),
        };

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return root.Parse(args).Invoke(configuration);
    }
}
