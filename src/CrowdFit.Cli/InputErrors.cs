using CrowdFit.Formats;

namespace CrowdFit.Cli;

/// <summary>Turns bad input into one line on stderr and exit code 2, so no user sees a stack trace for it.</summary>
internal static class InputErrors
{
    public static int Guard(string command, TextWriter stderr, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (AnswerFormatException error)
        {
            stderr.WriteLine($"crowdfit {command}: {error.Message}");
            return 2;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"crowdfit {command}: {error.Message}");
            return 2;
        }
    }
}
