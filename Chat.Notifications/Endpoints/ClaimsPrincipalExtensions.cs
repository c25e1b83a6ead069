using System.Security.Claims;

namespace Chat.Notifications.Endpoints;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's id from the validated token's <c>sub</c>; endpoints are reached only with a valid token.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue("sub"), out var id)
            ? id
            : throw new InvalidOperationException("The access token has no user id; the authentication handler should have refused it.");
}
