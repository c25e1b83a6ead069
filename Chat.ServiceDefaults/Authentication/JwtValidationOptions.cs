using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>How access tokens from the Auth service are validated, section <c>Jwt</c>.</summary>
public sealed class JwtValidationOptions
{
    public const string SectionName = "Jwt";

    [Required]
    public string Issuer { get; set; } = "chat-auth";

    [Required]
    public string Audience { get; set; } = "chat";

    /// <summary>Where Auth publishes its signing keys; <c>http://auth</c> is resolved by service discovery.</summary>
    [Required]
    public string JwksUrl { get; set; } = "http://auth/.well-known/jwks.json";

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Shortest time between two JWKS fetches caused by tokens with an unknown key id, so a stream of forged
    /// key ids cannot turn into a stream of requests to Auth (IdentityModel's minimum is one second).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeyRefetchMinInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Regular re-read of the JWKS, so retired keys drop out even without unknown key ids.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
