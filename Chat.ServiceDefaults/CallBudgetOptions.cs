using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults;

/// <summary>
/// The time a client waiting on the gateway gives one call to a service, section <c>CallBudget</c> — read by the
/// gateway, which times its calls out by it, and by every service, which derives its own waits from it, so one
/// setting governs both ends and they cannot drift apart:
/// <list type="bullet">
/// <item>gateway: one attempt gets <see cref="AttemptTimeout"/>; all attempts together (GET is retried once after a
/// fast failure) <see cref="TotalTimeout"/>.</item>
/// <item>service: waiting for a shared resource — Auth for a bcrypt slot, Notifications for Redis — takes at most
/// <see cref="ServiceWaitLimit"/>, half an attempt; then it answers without the resource (Notifications reads the
/// database) or refuses (Auth: 503 with Retry-After). The other half is for its own work and the network, so the
/// answer arrives while the gateway still waits for it.</item>
/// </list>
/// </summary>
public sealed class CallBudgetOptions : IValidatableObject
{
    public const string SectionName = "CallBudget";

    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>The longest a service waits for a shared resource within one call.</summary>
    public TimeSpan ServiceWaitLimit => AttemptTimeout / 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TotalTimeout < AttemptTimeout)
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(TotalTimeout)} ({TotalTimeout}) must be at least {SectionName}:{nameof(AttemptTimeout)} ({AttemptTimeout}).",
                [nameof(TotalTimeout)]);
        }
    }
}
