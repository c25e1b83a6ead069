using System.ComponentModel.DataAnnotations;

namespace Chat.Presence.Configuration;

/// <summary>Presence timing (section <c>Presence</c>); tests shorten every value to seconds.</summary>
public sealed class PresenceOptions : IValidatableObject
{
    public const string SectionName = "Presence";

    /// <summary>No heartbeat for this long turns ONLINE into AWAY.</summary>
    public TimeSpan AwayAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>No heartbeat for this long turns anyone still signed in (ONLINE, AWAY, BUSY) OFFLINE.</summary>
    public TimeSpan OfflineAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often each instance looks for due transitions.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Lifetime of <c>presence:{userId}</c>, renewed by every write.</summary>
    public TimeSpan KeyTtl { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Longest wait for Redis before a request is answered 503.</summary>
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A status change whose history row is still unwritten after this long is written by a sweeper.</summary>
    public TimeSpan PendingRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 10_000)]
    public int SweepBatchSize { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AwayAfter <= TimeSpan.Zero || OfflineAfter <= AwayAfter)
        {
            yield return new ValidationResult("Presence:OfflineAfter must be longer than Presence:AwayAfter, both positive.",
                [nameof(AwayAfter), nameof(OfflineAfter)]);
        }
        if (SweepInterval <= TimeSpan.Zero || KeyTtl <= TimeSpan.Zero || RedisTimeout <= TimeSpan.Zero || PendingRetryAfter <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Presence:SweepInterval, KeyTtl, RedisTimeout and PendingRetryAfter must be positive.");
        }
    }
}
