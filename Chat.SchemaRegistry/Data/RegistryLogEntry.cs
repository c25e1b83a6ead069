using System.Text.Json.Serialization;
using Chat.SchemaRegistry.Domain;

namespace Chat.SchemaRegistry.Data;

/// <summary>One line of the append-only registry log; replaying every line in order rebuilds the registry.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(SchemaAdded), "schemaAdded")]
[JsonDerivedType(typeof(VersionAdded), "versionAdded")]
[JsonDerivedType(typeof(VersionSoftDeleted), "versionSoftDeleted")]
[JsonDerivedType(typeof(VersionPermanentlyDeleted), "versionPermanentlyDeleted")]
[JsonDerivedType(typeof(CompatibilitySet), "compatibilitySet")]
internal abstract record RegistryLogEntry;

internal sealed record SchemaAdded(int Id, string SchemaType, string Schema, IReadOnlyList<SchemaReference> References) : RegistryLogEntry;

internal sealed record VersionAdded(string Subject, int Version, int SchemaId) : RegistryLogEntry;

internal sealed record VersionSoftDeleted(string Subject, int Version) : RegistryLogEntry;

internal sealed record VersionPermanentlyDeleted(string Subject, int Version) : RegistryLogEntry;

/// <summary>Sets (or with a null level, removes) the global level when Subject is null, else the subject's.</summary>
internal sealed record CompatibilitySet(string? Subject, CompatibilityLevel? Level) : RegistryLogEntry;
