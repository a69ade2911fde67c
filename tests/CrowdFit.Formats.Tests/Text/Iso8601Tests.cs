using System.Text;
using CrowdFit.Formats.Text;

namespace CrowdFit.Formats.Tests.Text;

public sealed class Iso8601Tests
{
    [Theory]
    [InlineData("2024-03-01", "2024-03-01T00:00:00.0000000+00:00")]
    [InlineData("2024-03-01T12:34", "2024-03-01T12:34:00.0000000+00:00")]
    [InlineData("2024-03-01T12:34:56", "2024-03-01T12:34:56.0000000+00:00")]
    [InlineData("2024-03-01 12:34:56Z", "2024-03-01T12:34:56.0000000+00:00")]
    [InlineData("2024-03-01t12:34:56z", "2024-03-01T12:34:56.0000000+00:00")]
    [InlineData("2024-03-01T12:34:56.5Z", "2024-03-01T12:34:56.5000000+00:00")]
    [InlineData("2024-03-01T12:34:56,123456789Z", "2024-03-01T12:34:56.1234567+00:00")]
    [InlineData("2024-03-01T12:34:56+02:00", "2024-03-01T10:34:56.0000000+00:00")]
    [InlineData("2024-03-01T12:34:56-0530", "2024-03-01T18:04:56.0000000+00:00")]
    [InlineData("2024-03-01T01:00:00+03", "2024-02-29T22:00:00.0000000+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    public void TryParseUtcTicks_ValidTimestamp_GivesUtcTicks(string text, string expected)
    {
        var ok = Iso8601.TryParseUtcTicks(Encoding.ASCII.GetBytes(text), out var ticks);

        Assert.True(ok);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new DateTimeOffset(ticks, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2024-13-45")]
    [InlineData("2023-02-29")]
    [InlineData("2024-03-01T24:00:00")]
    [InlineData("2024-03-01T12:60")]
    [InlineData("2024-03-01T12:34:60")]
    [InlineData("2024-03-01T12")]
    [InlineData("2024-03-01T12:34:56.")]
    [InlineData("2024-03-01T12:34:56+2")]
    [InlineData("2024-03-01T12:34:56+15:00")]
    [InlineData("2024-03-01T12:34:56Zx")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("24-03-01")]
    [InlineData("2024/03/01")]
    [InlineData("yesterday")]
    public void TryParseUtcTicks_InvalidTimestamp_ReturnsFalse(string text)
    {
        var ok = Iso8601.TryParseUtcTicks(Encoding.ASCII.GetBytes(text), out _);

        Assert.False(ok);
    }
}
