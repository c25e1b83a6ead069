namespace Chat.Auth.Security;

/// <summary>Claim names of our access tokens (inbound claim mapping is off, so these are what handlers see).</summary>
public static class AuthClaims
{
    public const string Subject = Chat.ServiceDefaults.Authentication.CallerClaims.Subject;
    public const string Email = "email";
    public const string Username = "username";
    public const string TokenId = "jti";
}
