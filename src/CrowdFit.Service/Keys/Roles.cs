namespace CrowdFit.Service.Keys;

/// <summary>The roles a key may have (SPEC F6), and the policies built on them.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Requester = "requester";
    public const string Worker = "worker";

    /// <summary>Claim holding a worker key's worker id.</summary>
    public const string WorkerClaim = "crowdfit:worker";

    /// <summary>Issue keys.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Create projects, tasks, gold and workers.</summary>
    public const string RequesterPolicy = "requester";

    /// <summary>Read projects, task status and labels.</summary>
    public const string ReaderPolicy = "reader";

    /// <summary>Submit answers and ask for assignments (workers only as themselves).</summary>
    public const string AnswerPolicy = "answer";

    public static IReadOnlyList<string> All { get; } = [Admin, Analyst, Requester, Worker];

    public static void AddPolicies(this IServiceCollection services) => services.AddAuthorizationBuilder()
        .AddPolicy(AdminPolicy, p => p.RequireRole(Admin))
        .AddPolicy(RequesterPolicy, p => p.RequireRole(Admin, Requester))
        .AddPolicy(ReaderPolicy, p => p.RequireRole(Admin, Analyst, Requester))
        .AddPolicy(AnswerPolicy, p => p.RequireRole(Admin, Requester, Worker));

    /// <summary>The worker a worker key speaks for, or null for the other roles.</summary>
    public static string? WorkerOf(HttpContext context) =>
        context.User.IsInRole(Worker) ? context.User.FindFirst(WorkerClaim)?.Value ?? "" : null;
}
