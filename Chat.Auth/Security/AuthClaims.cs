using System.Security.Claims;

namespace Chat.Auth.Security;

/// <summary>Claim names of our access tokens (inbound claim mapping is off, so these are what handlers see).</summary>
public static class AuthClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Username = "username";
    public const string TokenId = "jti";

    /// <summary>The authenticated user's id; the JWT handler already validated the token, so a bad <c>sub</c> is a bug.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(Subject), out var id)
            ? id
            : throw new InvalidOperationException("The access token has no valid 'sub' claim.");
}
