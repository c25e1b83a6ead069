using System.ComponentModel.DataAnnotations;

namespace Chat.Notifications.Configuration;

/// <summary>Behaviour of the notification service, section <c>Notifications</c>.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>At most one "user online" notification per (recipient, user) pair within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OnlineNotificationCooldown { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many of a user's newest notifications the Redis list <c>notifications:{userId}</c> keeps.</summary>
    [Range(1, 1000)]
    public int CachedPerUser { get; set; } = 100;

    /// <summary>
    /// How long a list rebuilt from the database is trusted for reads. Every change through this service keeps it
    /// exact; the limit bounds how stale it can be if an instance dies between a commit and its Redis update.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheTrustDuration { get; set; } = TimeSpan.FromMinutes(10);

    [Range(1, 100)]
    public int DefaultPageSize { get; set; } = 20;

    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 100;
}
