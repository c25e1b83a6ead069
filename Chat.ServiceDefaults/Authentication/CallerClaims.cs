using System.Security.Claims;
using Chat.ServiceDefaults.Problems;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>Who is calling, read from the validated access token, the same way in every service.</summary>
public static class CallerClaims
{
    /// <summary>The claim our access tokens carry the user id in (inbound claim mapping is off).</summary>
    public const string Subject = "sub";

    /// <summary>The caller's user id from the token's <c>sub</c> (never from a header); a token without one is refused (401).</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Subject), out var id) && id != Guid.Empty
            ? id
            : throw new InvalidCallerException("The access token has no valid 'sub' claim.");
}
