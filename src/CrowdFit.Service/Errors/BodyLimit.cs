using Microsoft.AspNetCore.Http.Features;

namespace CrowdFit.Service.Errors;

/// <summary>Refuses bodies over the configured size with a 400 before anything reads them, and closes the connection.</summary>
internal static class BodyLimit
{
    public static IApplicationBuilder UseBodyLimit(this IApplicationBuilder app, long maxBytes) => app.Use(async (context, next) =>
    {
        if (context.Request.ContentLength > maxBytes)
        {
            // The body is left unread, so the connection cannot carry another request: say so, or a client that
            // reuses it would send its next request into a connection the server is closing and get no reply.
            context.Response.Headers.Connection = "close";
            await Problems.Invalid("body", $"The body has {context.Request.ContentLength} bytes; the limit is {maxBytes}.").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        await next(context);
    });
}
