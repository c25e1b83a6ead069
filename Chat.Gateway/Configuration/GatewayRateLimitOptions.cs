using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>
/// Request budgets of <c>/graphql</c>, section <c>RateLimiting</c>: a signed-in caller is counted by user id,
/// anyone else by remote IP address.
/// </summary>
public sealed class GatewayRateLimitOptions
{
    public const string SectionName = "RateLimiting";

    [Range(1, 1_000_000)]
    public int PermitsPerUser { get; set; } = 600;

    [Range(1, 1_000_000)]
    public int PermitsPerIp { get; set; } = 300;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
