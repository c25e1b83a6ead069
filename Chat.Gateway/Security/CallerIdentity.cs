using System.Security.Claims;
using Chat.Gateway.Errors;
using Chat.ServiceDefaults.Authentication;
using GraphQL;

namespace Chat.Gateway.Security;

/// <summary>Who is calling, for resolvers: the user id from a token the gateway validated, or an error.</summary>
public static class CallerIdentity
{
    /// <summary>
    /// The caller's user id; throws UNAUTHENTICATED saying why (token expired, invalid or missing), or
    /// SERVICE_UNAVAILABLE if the keys to judge the token could not be fetched.
    /// </summary>
    public static Guid RequireUserId(this IResolveFieldContext context)
    {
        var user = context.User;
        if (user?.Identity?.IsAuthenticated == true &&
            Guid.TryParse(user.FindFirstValue("sub"), out var userId))
        {
            return userId;
        }

        var httpContext = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        throw SigningKeysUnavailable.IsMarked(httpContext)
            ? GatewayError.ServiceUnavailable("auth")
            : GatewayError.Unauthenticated(TokenRejection.Of(httpContext));
    }

    /// <summary>The user id when a valid token came with the request.</summary>
    public static string? UserIdOrDefault(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue("sub") : null;

    public const string UserKeyPrefix = "user:";

    /// <summary>The key the gateway's per-caller limits share: <c>user:{id}</c> with a valid token, else
    /// <c>ip:{address}</c>; work the gateway does on its own (no request being served) is <c>gateway</c>.</summary>
    public static string PartitionKey(HttpContext? context) =>
        context is null ? "gateway"
        : UserIdOrDefault(context.User) is { } userId ? UserKeyPrefix + userId
        : "ip:" + context.Connection.RemoteIpAddress;
}
