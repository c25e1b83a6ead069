using System.Security.Claims;

namespace Chat.Gateway.Security;

/// <summary>The outcome of <see cref="AccessTokenValidator"/>: a user, an invalid token, or keys that could not be fetched.</summary>
public sealed record AccessTokenValidation(ClaimsPrincipal? Principal, Guid UserId, DateTime ExpiresAtUtc, bool KeysUnavailable = false)
{
    public static AccessTokenValidation Invalid { get; } = new(null, Guid.Empty, DateTime.MinValue);

    public static AccessTokenValidation SigningKeysUnavailable { get; } = new(null, Guid.Empty, DateTime.MinValue, KeysUnavailable: true);

    public bool IsValid => Principal is not null;
}
