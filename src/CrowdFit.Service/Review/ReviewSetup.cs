using CrowdFit.Service.Appeals;

namespace CrowdFit.Service.Review;

/// <summary>Registers review, appeals and their background work, and the logging of re-estimations' changes.</summary>
internal static class ReviewSetup
{
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddSingleton<ReviewBook>();
        services.AddSingleton<AppealDesk>();
        services.AddHostedService<ReviewWatch>();
        services.AddHostedService<Audit.EngineChanges>();
        return services;
    }
}
