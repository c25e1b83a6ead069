namespace Chat.Auth.Domain;

/// <summary>The refresh token is unknown, expired, revoked or already used.</summary>
public sealed class InvalidRefreshTokenException() : Exception("The refresh token is invalid, expired or revoked.");
