using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>
/// How the gateway's calls to services react to faults, section <c>Downstream</c> (see
/// <see cref="Services.Resilience.DownstreamResilience"/>). Their time budget is <see cref="ServiceDefaults.CallBudgetOptions"/>,
/// shared with the services.
/// </summary>
public sealed class DownstreamOptions
{
    public const string SectionName = "Downstream";

    /// <summary>Failed answers (5xx, attempt timeouts) one caller may draw from one service in a burst.</summary>
    [Range(1, 1000)]
    public int CallerFaultBurst { get; set; } = 5;

    /// <summary>How often one more failed answer is allowed again, per caller and service.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CallerFaultRefill { get; set; } = TimeSpan.FromSeconds(2);
}
