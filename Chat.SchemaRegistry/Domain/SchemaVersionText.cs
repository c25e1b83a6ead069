namespace Chat.SchemaRegistry.Domain;

/// <summary>A subject's schema at one version, as the compatibility check needs it.</summary>
public sealed record SchemaVersionText(int Version, string Schema);
