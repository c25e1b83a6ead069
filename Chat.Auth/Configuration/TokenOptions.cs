using System.ComponentModel.DataAnnotations;

namespace Chat.Auth.Configuration;

/// <summary>Access and refresh token settings, section <c>Auth:Tokens</c>.</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Auth:Tokens";

    [Required]
    public string Issuer { get; set; } = "chat-auth";

    [Required]
    public string Audience { get; set; } = "chat";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Tolerated clock difference between issuer and validators.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an instance re-reads the signing keys, so it sees a rotation done by another instance.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a retired key still verifies (and stays in the JWKS): a token it signed lives at most the access
    /// token lifetime, plus clock skew, plus the refresh interval during which another instance may still sign with it.
    /// </summary>
    public TimeSpan RetiredKeyRetention => AccessTokenLifetime + ClockSkew + KeyRefreshInterval;
}
