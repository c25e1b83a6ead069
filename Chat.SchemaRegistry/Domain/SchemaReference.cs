namespace Chat.SchemaRegistry.Domain;

/// <summary>A reference from one schema to another subject's version; stored and returned, not resolved.</summary>
public sealed record SchemaReference(string Name, string Subject, int Version);
