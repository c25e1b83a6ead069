using System.Threading.RateLimiting;
using Chat.Gateway.Errors;
using Chat.Gateway.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Chat.Gateway.Security;

/// <summary>
/// ASP.NET Core rate limiting for <c>/graphql</c> on the caller's shared budget (<see cref="CallerRateLimiter"/>): one
/// fixed window per user id when the request carries a valid token, else per remote IP. A rejected request gets a
/// GraphQL error RATE_LIMITED with HTTP 429.
/// </summary>
public static class GraphQLRateLimiting
{
    public const string PolicyName = "graphql";

    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = OnRejectedAsync;
        options.AddPolicy(PolicyName, Partition);
    }

    private static RateLimitPartition<string> Partition(HttpContext context) =>
        context.RequestServices.GetRequiredService<CallerRateLimiter>().PartitionFor(context);

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var error = GatewayError.RateLimited("Too many requests; slow down and retry later.",
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
        var writer = context.RequestServices.GetRequiredService<GraphQLResponseWriter>();
        await writer.WriteErrorAsync(context, error, GraphQLMediaTypes.Negotiate(context.Request) ?? GraphQLMediaTypes.Json,
            StatusCodes.Status429TooManyRequests);
    }
}
