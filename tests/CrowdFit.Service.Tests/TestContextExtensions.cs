namespace CrowdFit.Service.Tests;

/// <summary>The current test's cancellation token, for every call that takes one.</summary>
internal static class TestContextExtensions
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
