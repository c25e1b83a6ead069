namespace Chat.Gateway.Schema.Types;

/// <summary>What register, login and refreshToken return: the user and a fresh token pair.</summary>
public sealed class AuthPayload
{
    public required User User { get; init; }

    public required string AccessToken { get; init; }

    /// <summary>Single use: every refresh returns a new one and retires this one.</summary>
    public required string RefreshToken { get; init; }

    public DateTimeOffset AccessTokenExpiresAt { get; init; }

    public DateTimeOffset RefreshTokenExpiresAt { get; init; }
}
