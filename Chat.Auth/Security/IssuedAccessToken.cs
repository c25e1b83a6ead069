namespace Chat.Auth.Security;

public sealed record IssuedAccessToken(string Token, DateTimeOffset ExpiresAt);
