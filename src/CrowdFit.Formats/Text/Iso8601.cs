namespace CrowdFit.Formats.Text;

/// <summary>Parses ISO 8601 timestamps from UTF-8 bytes without allocating.</summary>
/// <remarks>
/// Accepted: <c>YYYY-MM-DD</c>, optionally followed by <c>T</c> (or a space) and <c>hh:mm</c>, optional
/// <c>:ss</c>, optional fraction (<c>.</c> or <c>,</c> and 1 to 9 digits, kept to 100 ns), and an optional
/// offset <c>Z</c>, <c>±hh</c>, <c>±hhmm</c> or <c>±hh:mm</c>. Without an offset the time is taken as UTC.
/// </remarks>
internal static class Iso8601
{
    /// <summary>Parses <paramref name="text"/> into UTC ticks; false when it is not a valid timestamp.</summary>
    public static bool TryParseUtcTicks(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        if (text.Length < 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        var local = new DateTime(year, month, day).Ticks;
        if (text.Length == 10)
        {
            ticks = local;
            return true;
        }

        var rest = text[10..];
        if (rest.Length < 6 || rest[0] is not ((byte)'T' or (byte)'t' or (byte)' ') || rest[3] != ':'
            || !TryDigits(rest, 1, 2, out var hour) || !TryDigits(rest, 4, 2, out var minute) || hour > 23 || minute > 59)
        {
            return false;
        }

        local += (hour * TimeSpan.TicksPerHour) + (minute * TimeSpan.TicksPerMinute);
        rest = rest[6..];
        if (rest.Length >= 3 && rest[0] == ':')
        {
            if (!TryDigits(rest, 1, 2, out var second) || second > 59)
            {
                return false;
            }

            local += second * TimeSpan.TicksPerSecond;
            rest = rest[3..];
            if (rest.Length >= 2 && rest[0] is (byte)'.' or (byte)',')
            {
                var digits = 1;
                while (digits < rest.Length && char.IsAsciiDigit((char)rest[digits]))
                {
                    digits++;
                }

                if (digits == 1 || digits > 10)
                {
                    return false;
                }

                local += Fraction(rest[1..digits]);
                rest = rest[digits..];
            }
        }

        return TryOffset(rest, out var offset) && TryRange(local - offset, out ticks);
    }

    private static bool TryOffset(ReadOnlySpan<byte> text, out long offsetTicks)
    {
        offsetTicks = 0;
        if (text.IsEmpty || (text.Length == 1 && text[0] is (byte)'Z' or (byte)'z'))
        {
            return true;
        }

        if (text[0] is not ((byte)'+' or (byte)'-') || !TryDigits(text, 1, 2, out var hours) || hours > 14)
        {
            return false;
        }

        var minutes = 0;
        var tail = text[3..];
        var valid = tail.Length switch
        {
            0 => true,
            2 => TryDigits(tail, 0, 2, out minutes),
            3 => tail[0] == ':' && TryDigits(tail, 1, 2, out minutes),
            _ => false,
        };
        offsetTicks = ((hours * 60) + minutes) * TimeSpan.TicksPerMinute * (text[0] == '-' ? -1 : 1);
        return valid && minutes <= 59;
    }

    private static long Fraction(ReadOnlySpan<byte> digits)
    {
        long value = 0;
        for (var i = 0; i < 7; i++)
        {
            value = (value * 10) + (i < digits.Length ? digits[i] - '0' : 0);
        }

        return value;
    }

    private static bool TryRange(long ticks, out long result)
    {
        result = ticks;
        return ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (i >= text.Length || !char.IsAsciiDigit((char)text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
