using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CrowdFit.Service.Storage;

namespace CrowdFit.Service.Keys;

/// <summary>The stored keys, by hash, kept in memory so checking a key costs no query.</summary>
internal sealed class KeyRing
{
    private readonly ConcurrentDictionary<string, ApiKeyRow> _keys = new(StringComparer.Ordinal);

    public bool HasAdmin => _keys.Values.Any(k => k.Role == Roles.Admin);

    /// <summary>Lower-case hex SHA-256 of the key: all that is stored.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: "cfk_" and 32 random bytes in URL-safe base64.</summary>
    public static string NewKey() =>
        "cfk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool TryFind(string key, out ApiKeyRow row) => _keys.TryGetValue(HashOf(key), out row!);

    public void Add(ApiKeyRow row) => _keys[row.Hash] = row;
}
