using CrowdFit.Answers;

namespace CrowdFit.Fraud.Identity;

/// <summary>The network an IP address belongs to: its IPv4 /24 range or IPv6 /48 prefix, as a code per IP code.</summary>
/// <remarks>Values that parse as neither stand for themselves. Work is per distinct address, not per answer.</remarks>
internal static class NetworkPrefix
{
    /// <summary>The prefix code of every IP code, and the prefixes by code.</summary>
    public static (int[] PrefixOf, string[] Prefixes) Of(CategoricalColumn ip)
    {
        var values = ip.Values;
        var prefixOf = new int[values.Count];
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        List<string> prefixes = [];
        for (var i = 0; i < values.Count; i++)
        {
            var prefix = Prefix(values[i]);
            if (!codes.TryGetValue(prefix, out var code))
            {
                code = prefixes.Count;
                codes.Add(prefix, code);
                prefixes.Add(prefix);
            }

            prefixOf[i] = code;
        }

        return (prefixOf, [.. prefixes]);
    }

    private static string Prefix(string address)
    {
        var text = address.AsSpan().Trim();
        if (text.Count('.') == 3 && text.IndexOf(':') < 0)
        {
            return string.Concat(text[..text.LastIndexOf('.')], ".0/24");
        }

        if (text.Count(':') >= 2 && System.Net.IPAddress.TryParse(text, out var parsed))
        {
            var bytes = parsed.GetAddressBytes();
            return bytes.Length == 16 ? $"{bytes[0]:x2}{bytes[1]:x2}:{bytes[2]:x2}{bytes[3]:x2}:{bytes[4]:x2}{bytes[5]:x2}::/48" : address;
        }

        return address;
    }
}
