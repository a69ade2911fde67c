using CrowdFit.Formats.Text;

namespace CrowdFit.Formats.Interchange;

/// <summary>The timestamps of platform exports, parsed from and formatted to UTF-8 without allocating.</summary>
internal static class Timestamps
{
    /// <summary>Bytes enough for any timestamp this class writes.</summary>
    public const int MaxBytes = 40;

    private static readonly string[] s_months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] s_days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>
    /// Parses the time Mechanical Turk writes, <c>Tue Mar 05 10:12:44 PST 2019</c>: weekday, month, day, time,
    /// zone abbreviation, year. The weekday is not checked against the date (spreadsheets rewrite it).
    /// </summary>
    /// <param name="text">The cell.</param>
    /// <param name="ticks">The instant as UTC ticks.</param>
    /// <returns>False when the text is not such a time or names a zone not in <see cref="ZoneOffsetHours"/>.</returns>
    public static bool TryParseMTurk(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        Span<Range> parts = stackalloc Range[6];
        if (Words(text, parts) != 6)
        {
            return false;
        }

        var month = MonthIndex(text[parts[1]]) + 1;
        var clock = text[parts[3]];
        if (month == 0 || !TryInt(text[parts[2]], out var day) || !TryInt(text[parts[5]], out var year)
            || clock.Length != 8 || clock[2] != ':' || clock[5] != ':'
            || !TryInt(clock[..2], out var hour) || !TryInt(clock[3..5], out var minute) || !TryInt(clock[6..], out var second)
            || year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || ZoneOffsetHours(text[parts[4]]) is not { } offset)
        {
            return false;
        }

        ticks = new DateTime(year, month, day, hour, minute, second).Ticks - (offset * TimeSpan.TicksPerHour);
        return ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;
    }

    /// <summary>
    /// The offset from UTC of a US time zone abbreviation as Mechanical Turk prints it (PST, PDT, MST, MDT, CST,
    /// CDT, EST, EDT, AKST, AKDT, HST, HDT) or of UTC, GMT and Z; <see langword="null"/> for any other.
    /// </summary>
    public static int? ZoneOffsetHours(ReadOnlySpan<byte> zone) => zone switch
    {
        _ when zone.SequenceEqual("UTC"u8) || zone.SequenceEqual("GMT"u8) || zone.SequenceEqual("Z"u8) => 0,
        _ when zone.SequenceEqual("EDT"u8) => -4,
        _ when zone.SequenceEqual("EST"u8) || zone.SequenceEqual("CDT"u8) => -5,
        _ when zone.SequenceEqual("CST"u8) || zone.SequenceEqual("MDT"u8) => -6,
        _ when zone.SequenceEqual("MST"u8) || zone.SequenceEqual("PDT"u8) => -7,
        _ when zone.SequenceEqual("PST"u8) || zone.SequenceEqual("AKDT"u8) => -8,
        _ when zone.SequenceEqual("AKST"u8) || zone.SequenceEqual("HDT"u8) => -9,
        _ when zone.SequenceEqual("HST"u8) => -10,
        _ => null,
    };

    /// <summary>Writes <paramref name="ticks"/> (UTC) as Mechanical Turk does, with the zone UTC: <c>Tue Mar 05 18:12:44 UTC 2019</c>.</summary>
    public static int FormatMTurk(long ticks, Span<byte> destination)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        var n = Ascii(s_days[(int)time.DayOfWeek], destination);
        destination[n++] = (byte)' ';
        n += Ascii(s_months[time.Month - 1], destination[n..]);
        destination[n++] = (byte)' ';
        n += Digits(time.Day, 2, destination[n..]);
        destination[n++] = (byte)' ';
        n += Clock(time, destination[n..]);
        n += Ascii(" UTC ", destination[n..]);
        return n + Digits(time.Year, 4, destination[n..]);
    }

    /// <summary>Parses an ISO 8601 timestamp (UTC when it has no offset) into UTC ticks.</summary>
    public static bool TryParseIso(ReadOnlySpan<byte> text, out long ticks) => Iso8601.TryParseUtcTicks(text, out ticks);

    /// <summary>
    /// Writes <paramref name="ticks"/> (UTC) as ISO 8601 with a <c>Z</c>: <c>2019-03-05T18:12:44Z</c>, with a
    /// fraction of a second (trailing zeros dropped) only when there is one.
    /// </summary>
    public static int FormatIso(long ticks, Span<byte> destination)
    {
        var n = FormatIsoLocal(ticks, destination, fractionDigits: -1);
        destination[n++] = (byte)'Z';
        return n;
    }

    /// <summary>
    /// Writes <paramref name="ticks"/> as ISO 8601 without an offset and with exactly
    /// <paramref name="fractionDigits"/> digits of the second (-1: as many as needed, none for whole seconds).
    /// </summary>
    public static int FormatIsoLocal(long ticks, Span<byte> destination, int fractionDigits)
    {
        var time = new DateTime(ticks, DateTimeKind.Utc);
        var n = Digits(time.Year, 4, destination);
        destination[n++] = (byte)'-';
        n += Digits(time.Month, 2, destination[n..]);
        destination[n++] = (byte)'-';
        n += Digits(time.Day, 2, destination[n..]);
        destination[n++] = (byte)'T';
        n += Clock(time, destination[n..]);
        var fraction = (int)(ticks % TimeSpan.TicksPerSecond);
        var digits = 7;
        if (fractionDigits < 0)
        {
            while (digits > 0 && fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }
        }
        else
        {
            for (; digits > fractionDigits; digits--)
            {
                fraction /= 10;
            }
        }

        if (digits > 0)
        {
            destination[n++] = (byte)'.';
            n += Digits(fraction, digits, destination[n..]);
        }

        return n;
    }

    private static int Clock(DateTime time, Span<byte> destination)
    {
        var n = Digits(time.Hour, 2, destination);
        destination[n++] = (byte)':';
        n += Digits(time.Minute, 2, destination[n..]);
        destination[n++] = (byte)':';
        return n + Digits(time.Second, 2, destination[n..]);
    }

    private static int Digits(int value, int count, Span<byte> destination)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }

        return count;
    }

    private static int Ascii(string text, Span<byte> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = (byte)text[i];
        }

        return text.Length;
    }

    /// <summary>Splits at runs of spaces into <paramref name="words"/>; returns the count, or more than it holds when there are more.</summary>
    private static int Words(ReadOnlySpan<byte> text, Span<Range> words)
    {
        var count = 0;
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i == text.Length)
            {
                return count;
            }

            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                i++;
            }

            if (count == words.Length)
            {
                return count + 1;
            }

            words[count++] = new Range(start, i);
        }
    }

    private static int MonthIndex(ReadOnlySpan<byte> name)
    {
        for (var m = 0; m < s_months.Length; m++)
        {
            if (name.Length == 3 && name[0] == s_months[m][0] && name[1] == s_months[m][1] && name[2] == s_months[m][2])
            {
                return m;
            }
        }

        return -1;
    }

    private static bool TryInt(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 4)
        {
            return false;
        }

        foreach (var b in digits)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }
}
