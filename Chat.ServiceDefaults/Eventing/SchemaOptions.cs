using System.ComponentModel.DataAnnotations;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>How producers use the schema registry (<c>Kafka:Schemas</c>).</summary>
public sealed class SchemaOptions
{
    public const string Section = "Kafka:Schemas";

    /// <summary>
    /// Register the contract's schema on first use. Off in production, where schemas are registered by the
    /// release process and producers use the registered latest version; the local AppHost turns it on.
    /// </summary>
    public bool AutoRegister { get; set; }

    /// <summary>How long a producer trusts its cached "latest version" of a subject before asking again.</summary>
    [Range(1, 86_400)]
    public int LatestCacheTtlSeconds { get; set; } = 300;
}
