using System.ComponentModel.DataAnnotations;

namespace Chat.SchemaRegistry;

/// <summary>Configuration section <c>SchemaRegistry</c> (env <c>SchemaRegistry__DataDirectory</c>).</summary>
public sealed class SchemaRegistryOptions
{
    public const string SectionName = "SchemaRegistry";

    /// <summary>Where the registry log lives; defaults to <c>.data/schema-registry</c> under the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "";
}
