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

    public int EffectiveConcurrency => MaxConcurrency > 0 ? MaxConcurrency : Environment.ProcessorCount;
}
