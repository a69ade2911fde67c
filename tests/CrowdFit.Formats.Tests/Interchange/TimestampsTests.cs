using System.Text;
using CrowdFit.Formats.Interchange;

namespace CrowdFit.Formats.Tests.Interchange;

public sealed class TimestampsTests
{
    [Theory]
    [InlineData("Tue Mar 05 10:12:44 PST 2019", "2019-03-05T18:12:44Z")]
    [InlineData("Sun Jul 14 23:59:59 PDT 2019", "2019-07-15T06:59:59Z")]
    [InlineData("Mon Jan 07 09:00:00 EST 2019", "2019-01-07T14:00:00Z")]
    [InlineData("Mon Jun 03 09:00:00 CDT 2019", "2019-06-03T14:00:00Z")]
    [InlineData("Mon Jun 03 09:00:00 AKDT 2019", "2019-06-03T17:00:00Z")]
    [InlineData("Mon Jun 03 09:00:00 HST 2019", "2019-06-03T19:00:00Z")]
    [InlineData("Fri Mar  8 01:02:03 GMT 2019", "2019-03-08T01:02:03Z")]
    [InlineData("Thu Feb 29 12:00:00 UTC 2024", "2024-02-29T12:00:00Z")]
    public void TryParseMTurk_ZoneAbbreviations_Utc(string text, string iso)
    {
        Assert.True(Timestamps.TryParseMTurk(Encoding.UTF8.GetBytes(text), out var ticks));
        var buffer = new byte[Timestamps.MaxBytes];

        Assert.Equal(iso, Encoding.UTF8.GetString(buffer, 0, Timestamps.FormatIso(ticks, buffer)));
    }

    [Theory]
    [InlineData("2019-03-05T10:12:44Z")]
    [InlineData("Tue Mar 05 10:12:44 CET 2019")]
    [InlineData("Tue Mar 05 10:12 PST 2019")]
    [InlineData("Tue Foo 05 10:12:44 PST 2019")]
    [InlineData("Thu Feb 29 12:00:00 UTC 2019")]
    [InlineData("Tue Mar 05 24:00:00 PST 2019")]
    [InlineData("Tue Mar 05 10:12:44 PST 2019 extra")]
    [InlineData("")]
    public void TryParseMTurk_NotAnMTurkTime_False(string text)
    {
        Assert.False(Timestamps.TryParseMTurk(Encoding.UTF8.GetBytes(text), out _));
    }

    [Theory]
    [InlineData("2019-03-05T18:12:44Z", -1, "2019-03-05T18:12:44")]
    [InlineData("2019-03-05T18:12:44.1234567Z", -1, "2019-03-05T18:12:44.1234567")]
    [InlineData("2019-03-05T18:12:44.5Z", 3, "2019-03-05T18:12:44.500")]
    [InlineData("2019-03-05T18:12:44.1239Z", 3, "2019-03-05T18:12:44.123")]
    public void FormatIsoLocal_FractionDigits(string iso, int digits, string expected)
    {
        Assert.True(Timestamps.TryParseIso(Encoding.UTF8.GetBytes(iso), out var ticks));
        var buffer = new byte[Timestamps.MaxBytes];

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer, 0, Timestamps.FormatIsoLocal(ticks, buffer, digits)));
    }

    [Fact]
    public void FormatMTurk_ParsesBack()
    {
        Assert.True(Timestamps.TryParseIso("2019-03-05T18:12:44Z"u8, out var ticks));
        var buffer = new byte[Timestamps.MaxBytes];
        var text = buffer.AsSpan(0, Timestamps.FormatMTurk(ticks, buffer));

        Assert.Equal("Tue Mar 05 18:12:44 UTC 2019", Encoding.UTF8.GetString(text));
        Assert.True(Timestamps.TryParseMTurk(text, out var back));
        Assert.Equal(ticks, back);
    }
}
