using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace CrowdFit.LoadGen;

/// <summary>
/// Sends randomly malformed requests (seeded): valid request templates cut short, with fields dropped, given the
/// wrong type, huge, deeply nested, not UTF-8, under the wrong content type or key, to routes with odd ids.
/// Every reply is tallied by status; a 5xx or a broken connection is a failure.
/// </summary>
internal sealed class FuzzRun(HttpClient client, string key, int seed)
{
    private static readonly (HttpMethod Method, string Path, string Body)[] s_templates =
    [
        (HttpMethod.Post, "/api/projects/load/answers", """{"task":"t1","worker":"w1","label":"a"}"""),
        (HttpMethod.Post, "/api/projects/load/answers", """{"task":"t2","worker":"w2","label":"b"}"""),
        (HttpMethod.Post, "/api/projects/load/tasks", """[{"id":"f1","type":"x"},{"id":"f2"}]"""),
        (HttpMethod.Post, "/api/projects/load/gold", """[{"task":"t3","label":"c"}]"""),
        (HttpMethod.Post, "/api/projects/load/workers", """[{"id":"w9","country":"PL","qualifications":["q"]}]"""),
        (HttpMethod.Post, "/api/projects", """{"id":"p","name":"n","labels":["a","b"],"aql":0.02,"maxAnswers":5}"""),
        (HttpMethod.Post, "/api/keys", """{"role":"worker","worker":"w1","name":"k"}"""),
        (HttpMethod.Post, "/api/projects/load/review/1/confirm", """{"note":"n"}"""),
        (HttpMethod.Post, "/api/appeals/1/answer", """{"outcome":"upheld","explanation":"e"}"""),
        (HttpMethod.Get, "/api/projects/load/tasks/t1", ""),
        (HttpMethod.Get, "/api/projects/load/assignments/next?worker=w1", ""),
        (HttpMethod.Get, "/api/projects/load/review?status=open&page=1&pageSize=10", ""),
        (HttpMethod.Get, "/api/projects/load/reports/health", ""),
    ];

    private static readonly string[] s_values =
    [
        "null", "true", "0", "-1", "1e999", "-9223372036854775809", "\"\"", "[]", "{}", "[[[[]]]]", "\"\\u0000\"",
        "\"\\ud800\"", "\"a\\nb\"", "\"zzzz-unknown\"", "12.5", "\"t1\"",
    ];

    /// <summary>The service's default request body limit (Service:MaxBodyBytes, 4 MiB).</summary>
    private const long MaxBodyBytes = 4L << 20;

    private readonly ConcurrentDictionary<string, int> _tally = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _examples = [];
    private int _failures;

    /// <summary>Replies by status ("200", "400", ... or "error: ..."), most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, int>> Tally => _tally.OrderByDescending(p => p.Value);

    /// <summary>Replies of 500 or more, and requests within the body limit that got no reply.</summary>
    public int Failures => _failures;

    /// <summary>The first requests (up to 20) that got no reply: method, path, content type, body length and start.</summary>
    public IEnumerable<string> FailedExamples => _examples;

    /// <summary>Sends <paramref name="count"/> requests from <paramref name="connections"/> concurrent senders.</summary>
    public async Task RunAsync(int count, int connections)
    {
        var next = -1;
        var senders = Enumerable.Range(0, connections).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await SendAsync(Build(new Random(HashCode.Combine(seed, i))));
            }
        });
        await Task.WhenAll(senders);
    }

    private async Task SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            string outcome;
            try
            {
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                outcome = status.ToString(CultureInfo.InvariantCulture);
                if (status >= 500)
                {
                    Interlocked.Increment(ref _failures);
                }
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // A body over the service's limit is refused while it is still being sent: the server closes the
                // connection and the sender sees a broken pipe. That is a refusal, not a failure.
                if (request.Content is { } c && c.Headers.ContentLength > MaxBodyBytes)
                {
                    outcome = "connection closed on a body over the limit";
                }
                else
                {
                    var inner = error.InnerException?.Message ?? error.Message;
                    outcome = "no reply: " + (inner.Length > 70 ? inner[..70] : inner);
                    if (Interlocked.Increment(ref _failures) <= 20)
                    {
                        _examples.Add(Describe(request));
                    }
                }
            }

            _tally.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        }
    }

    private static string Describe(HttpRequestMessage request)
    {
        var body = request.Content is ByteArrayContent content ? content.ReadAsByteArrayAsync().GetAwaiter().GetResult() : [];
        var start = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 60)));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{request.Method} {request.RequestUri} [{request.Content?.Headers.ContentType}] {body.Length} bytes: {start.ReplaceLineEndings(" ")}");
    }

    private HttpRequestMessage Build(Random random)
    {
        var (method, path, body) = s_templates[random.Next(s_templates.Length)];
        path = random.Next(6) switch
        {
            0 => path.Replace("load", Junk(random), StringComparison.Ordinal),
            1 => path.Replace("/1/", "/" + random.Next(-5, 1_000_000).ToString(CultureInfo.InvariantCulture) + "/", StringComparison.Ordinal),
            2 => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page=" + s_values[random.Next(s_values.Length)],
            _ => path,
        };
        var request = new HttpRequestMessage(random.Next(20) == 0 ? HttpMethod.Put : method, path);
        switch (random.Next(20))
        {
            case 0:
                break;
            case 1:
                request.Headers.Add("X-Api-Key", Junk(random));
                break;
            default:
                request.Headers.Add("X-Api-Key", key);
                break;
        }

        if (method == HttpMethod.Get && random.Next(4) != 0)
        {
            return request;
        }

        var bytes = Mutate(random, body);
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", random.Next(10) switch
        {
            0 => "text/plain",
            1 => "application/json; charset=latin1",
            2 => "multipart/form-data",
            _ => "application/json",
        });
        request.Content = content;
        return request;
    }

    private static byte[] Mutate(Random random, string body)
    {
        switch (random.Next(9))
        {
            case 0:
                // Cut short anywhere.
                return Encoding.UTF8.GetBytes(body[..random.Next(body.Length + 1)]);
            case 1:
                // Random bytes, often not UTF-8.
                var noise = new byte[random.Next(1, 300)];
                random.NextBytes(noise);
                return noise;
            case 2:
                // Deeply nested.
                var depth = random.Next(50, 5000);
                return Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth));
            case 3:
                // Huge string value.
                return Encoding.UTF8.GetBytes(body.Replace("\"t1\"", "\"" + new string('x', random.Next(1000, 6_000_000)) + "\"", StringComparison.Ordinal));
            case 4:
                // A field dropped.
                return Encoding.UTF8.GetBytes(DropField(random, body));
            default:
                // A value replaced by one of another type.
                return Encoding.UTF8.GetBytes(ReplaceValue(random, body));
        }
    }

    private static string DropField(Random random, string body)
    {
        var commas = Enumerable.Range(0, body.Length).Where(i => body[i] == ',').ToArray();
        if (commas.Length == 0)
        {
            return "{}";
        }

        var at = commas[random.Next(commas.Length)];
        var end = body.IndexOfAny([',', '}'], at + 1);
        return end < 0 ? body[..at] : body[..at] + body[end..];
    }

    private static string ReplaceValue(Random random, string body)
    {
        var colons = Enumerable.Range(0, body.Length).Where(i => body[i] == ':').ToArray();
        if (colons.Length == 0)
        {
            return s_values[random.Next(s_values.Length)];
        }

        var at = colons[random.Next(colons.Length)] + 1;
        var end = body.IndexOfAny([',', '}', ']'], body[at] is '[' ? body.IndexOf(']', at) + 1 : at);
        end = end < 0 ? body.Length : end;
        return body[..at] + s_values[random.Next(s_values.Length)] + body[end..];
    }

    private static string Junk(Random random)
    {
        const string Alphabet = "abc%20/..\\'\"<>é漢\u0001-_";
        var length = random.Next(0, 40);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return Uri.EscapeDataString(builder.ToString());
    }
}
