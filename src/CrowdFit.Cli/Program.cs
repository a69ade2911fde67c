using CrowdFit.Cli;

return CrowdFitCommand.Run(args, Console.Out, Console.Error);
