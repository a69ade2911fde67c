namespace CrowdFit.Formats.Tests;

public sealed class AnswerFormatExceptionTests
{
    [Theory]
    [InlineData("answers.csv", 14, "started_at", "answers.csv:14: column 'started_at': expected an ISO 8601 timestamp, found '2024-13-45'")]
    [InlineData("answers.csv", 3, null, "answers.csv:3: expected an ISO 8601 timestamp, found '2024-13-45'")]
    [InlineData("answers.csv", 0, null, "answers.csv: expected an ISO 8601 timestamp, found '2024-13-45'")]
    public void Message_Location_IsOneLinePrefix(string path, int line, string? column, string expected)
    {
        var error = new AnswerFormatException(path, line, column, "expected an ISO 8601 timestamp, found '2024-13-45'");

        Assert.Equal(expected, error.Message);
        Assert.Equal((path, line, column), (error.FilePath, error.Line, error.Column));
    }
}
