using System.ComponentModel.DataAnnotations;

namespace Chat.Auth.Configuration;

/// <summary>bcrypt settings, section <c>Auth:PasswordHashing</c>.</summary>
public sealed class PasswordHashingOptions
{
    public const string SectionName = "Auth:PasswordHashing";

    [Range(4, 31)]
    public int WorkFactor { get; set; } = 10;

    /// <summary>Most bcrypt computations running at once; 0 means one per processor.</summary>
    [Range(0, 1024)]
    public int MaxConcurrency { get; set; }

    /// <summary>How long a request waits for a free bcrypt slot before it is answered 503 with Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int EffectiveConcurrency => MaxConcurrency > 0 ? MaxConcurrency : Environment.ProcessorCount;
}
