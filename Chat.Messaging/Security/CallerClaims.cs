using System.Security.Claims;

namespace Chat.Messaging.Security;

public static class CallerClaims
{
    /// <summary>The caller's user id from the validated token's <c>sub</c> claim (never from a header).</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new InvalidOperationException("The access token has no valid 'sub' claim.");
}
