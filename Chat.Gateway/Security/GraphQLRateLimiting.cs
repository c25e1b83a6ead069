using System.Threading.RateLimiting;
using Chat.Gateway.Configuration;
using Chat.Gateway.Errors;
using Chat.Gateway.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chat.Gateway.Security;

/// <summary>
/// ASP.NET Core rate limiting for <c>/graphql</c>: one fixed window per user id when the request carries a valid
/// token, else per remote IP. A rejected request gets a GraphQL error RATE_LIMITED with HTTP 429.
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

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayRateLimitOptions>>().CurrentValue;
        var permits = CallerIdentity.UserIdOrDefault(context.User) is null ? limits.PermitsPerIp : limits.PermitsPerUser;
        return RateLimitPartition.GetFixedWindowLimiter(CallerIdentity.PartitionKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = limits.Window,
            QueueLimit = 0,
        });
    }

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
