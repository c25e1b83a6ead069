using System.Security.Claims;

namespace Chat.Gateway.Security;

/// <summary>
/// The outcome of <see cref="AccessTokenValidator"/>: a user, an expired token (refresh it), an otherwise invalid
/// token, or keys that could not be fetched.
/// </summary>
public sealed record AccessTokenValidation(
    ClaimsPrincipal? Principal, Guid UserId, DateTime ExpiresAtUtc, bool KeysUnavailable = false, bool TokenExpired = false)
{
    public static AccessTokenValidation Invalid { get; } = new(null, Guid.Empty, DateTime.MinValue);

    public static AccessTokenValidation Expired { get; } = new(null, Guid.Empty, DateTime.MinValue, TokenExpired: true);

    public static AccessTokenValidation SigningKeysUnavailable { get; } = new(null, Guid.Empty, DateTime.MinValue, KeysUnavailable: true);

    public bool IsValid => Principal is not null;
}
