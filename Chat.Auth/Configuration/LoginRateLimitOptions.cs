using System.ComponentModel.DataAnnotations;

namespace Chat.Auth.Configuration;

/// <summary>
/// Login attempt limits, section <c>Auth:LoginRateLimit</c>: fixed windows per client IP and per account
/// (normalized email). Behind the gateway every request comes from the gateway's address, so the per-IP limit
/// is then a global one: size it for that, and let the gateway limit per end-user IP.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string SectionName = "Auth:LoginRateLimit";

    [Range(1, int.MaxValue)]
    public int PerIpPermitLimit { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, int.MaxValue)]
    public int PerAccountPermitLimit { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(1);
}
