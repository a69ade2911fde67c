using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

namespace CrowdFit.Service.Keys;

/// <summary>A fixed-window limit per API key (requests without a valid key share one window); 429 with problem details.</summary>
internal static class RateLimits
{
    public static void AddKeyRateLimits(this IServiceCollection services, ServiceSettings settings) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.RatePermits,
                Window = TimeSpan.FromSeconds(settings.RateWindowSeconds),
                QueueLimit = 0,
            }));
        o.OnRejected = async (rejected, cancellationToken) =>
        {
            var context = rejected.HttpContext;
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry))
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests.",
                    Detail = $"This key may make {settings.RatePermits} requests per {settings.RateWindowSeconds} s.",
                },
            });
        };
    });
}
