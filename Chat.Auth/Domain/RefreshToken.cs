namespace Chat.Auth.Domain;

/// <summary>
/// One refresh token, stored as the SHA-256 of its value. Tokens descending from one login share a family;
/// each refresh replaces the presented token by a new one, so a replaced token seen again means it leaked.
/// </summary>
public sealed class RefreshToken
{
    public Guid Id { get; init; }
    public Guid UserId { get; init; }
    public Guid FamilyId { get; init; }
    public byte[] TokenHash { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public Guid? ReplacedById { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Already rotated or revoked: presenting it again is reuse.</summary>
    public bool IsSpent => ReplacedById is not null || RevokedAt is not null;
}
