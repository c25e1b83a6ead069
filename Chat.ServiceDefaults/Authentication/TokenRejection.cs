using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>
/// Why a request carries no authenticated user: its access token expired (refresh it), was not valid (log in again),
/// or was never sent. JwtBearer leaves such a request anonymous and keeps the cause to itself; this records it in
/// <see cref="HttpContext.Items"/> so answers can tell a client which of these to do.
/// </summary>
/// <param name="Reason">A stable code clients branch on: <see cref="ExpiredReason"/>, <see cref="InvalidReason"/> or <see cref="MissingReason"/>.</param>
/// <param name="Description">One sentence for people, as REST problem details show it.</param>
public sealed record TokenRejection(string Reason, string Description)
{
    public const string ExpiredReason = "TOKEN_EXPIRED";
    public const string InvalidReason = "TOKEN_INVALID";
    public const string MissingReason = "TOKEN_MISSING";

    private static readonly object Key = new();

    public static TokenRejection Expired { get; } = new(ExpiredReason, "The access token expired: refresh it and retry.");

    public static TokenRejection Invalid { get; } = new(InvalidReason, "The access token is not valid: log in again.");

    public static TokenRejection Missing { get; } = new(MissingReason, "No access token was sent: log in and send it as a Bearer token.");

    /// <summary>
    /// The cause for an anonymous request: the one recorded when its token failed, <see cref="Missing"/> when it
    /// sent no bearer token, or null when a token came and was not judged (e.g. the signing keys were unavailable).
    /// </summary>
    public static TokenRejection? Of(HttpContext? context)
    {
        if (context is null)
        {
            return null;
        }
        if (context.Items.TryGetValue(Key, out var recorded) && recorded is TokenRejection rejection)
        {
            return rejection;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && authorization.Length > "Bearer ".Length
            ? null
            : Missing;
    }

    /// <summary>
    /// Why <paramref name="token"/> failed with <paramref name="failure"/>. IdentityModel reports an expired lifetime
    /// even for a token whose key it does not know, so "expired" is only said once the token passes every other check
    /// (<paramref name="parameters"/>, with the signing keys, again without the lifetime): a forged or foreign token
    /// is invalid, whatever its <c>exp</c>.
    /// </summary>
    public static async Task<TokenRejection> ClassifyAsync(string token, Exception? failure, TokenValidationParameters parameters)
    {
        if (!IsExpiry(failure))
        {
            return Invalid;
        }

        var withoutLifetime = parameters.Clone();
        withoutLifetime.ValidateLifetime = false;
        var result = await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, withoutLifetime);
        return result.IsValid ? Expired : Invalid;
    }

    /// <summary>Whether the failure names the lifetime (not yet whether the token is otherwise ours).</summary>
    public static bool IsExpiry(Exception? failure) => failure is SecurityTokenExpiredException ||
        (failure is AggregateException aggregate && aggregate.InnerExceptions.Any(inner => inner is SecurityTokenExpiredException));

    public static void Record(HttpContext context, TokenRejection rejection) => context.Items[Key] = rejection;

}
