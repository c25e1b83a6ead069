namespace Chat.SchemaRegistry.Domain;

/// <summary>A schema as registered under one subject and version.</summary>
public sealed record RegisteredSchema(
    string Subject, int Version, int Id, string SchemaType, string Schema, IReadOnlyList<SchemaReference> References);
