using System.Net;
using System.Net.Http.Json;
using System.Text;
using static CrowdFit.Service.Tests.TestContextExtensions;

namespace CrowdFit.Service.Tests;

public sealed class MalformedRequestTests(MalformedRequestTests.Host host) : IClassFixture<MalformedRequestTests.Host>
{
    public static TheoryData<string, string, string> Requests => new()
    {
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"worker\": \"w1\", \"label\": ", "label" },
        { "/api/projects/p1/answers", "not json", "body" },
        { "/api/projects/p1/answers", "", "body" },
        { "/api/projects/p1/answers", "null", "body" },
        { "/api/projects/p1/answers", "{\"worker\": \"w1\", \"label\": \"a\"}", "task" },
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"label\": \"a\"}", "worker" },
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"worker\": \"w1\"}", "label" },
        { "/api/projects/p1/answers", "{\"task\": 5, \"worker\": \"w1\", \"label\": \"a\"}", "task" },
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"worker\": [1], \"label\": \"a\"}", "worker" },
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"worker\": \"w1\", \"label\": \"zebra\"}", "label" },
        { "/api/projects/p1/answers", "{\"task\": \"nope\", \"worker\": \"w1\", \"label\": \"a\"}", "task" },
        { "/api/projects/p1/answers", "{\"task\": \"\", \"worker\": \"w1\", \"label\": \"a\"}", "task" },
        { "/api/projects/p1/answers", "{\"task\": \"t0\", \"worker\": \"   \", \"label\": \"a\"}", "worker" },
        { "/api/projects/p1/answers", "[]", "body" },
        { "/api/projects/p1/tasks", "[{\"id\": \"t0\"}]", "[0].id" },
        { "/api/projects/p1/tasks", "[{\"id\": \"n1\"}, {\"id\": \"n1\"}]", "[1].id" },
        { "/api/projects/p1/tasks", "[{\"id\": \"\"}]", "[0].id" },
        { "/api/projects/p1/tasks", "[{\"id\": 3}]", "[0].id" },
        { "/api/projects/p1/tasks", "[]", "body" },
        { "/api/projects/p1/tasks", "{\"id\": \"x\"}", "body" },
        { "/api/projects/p1/gold", "[{\"task\": \"g1\", \"label\": \"zebra\"}]", "[0].label" },
        { "/api/projects/p1/gold", "[{\"task\": \"g1\"}]", "[0].label" },
        { "/api/projects/p1/workers", "{\"country\": \"DE\"}", "id" },
        { "/api/projects/p1/workers", "{\"id\": \"w1\", \"qualifications\": \"en\"}", "qualifications" },
        { "/api/projects", "{\"id\": \"p2\", \"labels\": [\"a\"]}", "labels" },
        { "/api/projects", "{\"id\": \"bad id!\", \"labels\": [\"a\", \"b\"]}", "id" },
        { "/api/projects", "{\"id\": \"p2\", \"labels\": [\"a\", \"b\"], \"aql\": 1.5}", "aql" },
        { "/api/projects", "{\"id\": \"p2\", \"labels\": [\"a\", \"b\"], \"maxAnswers\": \"five\"}", "maxAnswers" },
        { "/api/projects", "{\"id\": \"p2\", \"labels\": [\"a\", \"a\"]}", "labels" },
        { "/api/keys", "{\"role\": \"superuser\"}", "role" },
        { "/api/keys", "{\"role\": \"worker\"}", "worker" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Post_MalformedBody_Returns400ProblemNamingTheField(string path, string body, string field)
    {
        var response = await host.Admin.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"), Ct);
        var problem = await ServiceApp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Post_HugeBody_Returns400ProblemNamingTheBody_AndClosesTheConnection()
    {
        var huge = "[" + string.Join(",", Enumerable.Repeat("{\"id\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}", 100_000)) + "]";

        var response = await host.Admin.PostAsync("/api/projects/p1/tasks", new StringContent(huge, Encoding.UTF8, "application/json"), Ct);
        var problem = await ServiceApp.JsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        Assert.True(response.Headers.ConnectionClose, "the unread body leaves the connection unusable, so the reply must close it");
    }

    [Fact]
    public async Task UnknownIds_Return404Problem()
    {
        var admin = host.Admin;

        var responses = new[]
        {
            await admin.GetAsync("/api/projects/nope", Ct),
            await admin.GetAsync("/api/projects/p1/tasks/nope", Ct),
            await admin.PostAsJsonAsync("/api/projects/nope/answers", new { task = "t0", worker = "w", label = "a" }, Ct),
            await admin.GetAsync("/api/projects/nope/labels", Ct),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
    }

    /// <summary>One service with project p1 (tasks t0, t1) for every case: none of them may change it.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private readonly TempDatabase _db = new();
        private ServiceApp? _app;

        public HttpClient Admin { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _app = new ServiceApp(_db.Path);
            Admin = _app.Admin();
            await ServiceApp.CreateProjectAsync(Admin, "p1", 2);
        }

        public async ValueTask DisposeAsync()
        {
            Admin.Dispose();
            await _app!.DisposeAsync();
            _db.Dispose();
        }
    }
}
