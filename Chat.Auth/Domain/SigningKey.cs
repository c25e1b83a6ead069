namespace Chat.Auth.Domain;

/// <summary>
/// An ES256 (P-256) token signing key shared by every Auth instance through the database. At most one key is
/// active (no <see cref="RetiredAt"/>); retired keys still verify for a while and then leave the JWKS.
/// </summary>
public sealed class SigningKey
{
    public string Kid { get; init; } = "";

    /// <summary>PKCS#8 DER of the private key.</summary>
    public byte[] PrivateKey { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RetiredAt { get; set; }
}
