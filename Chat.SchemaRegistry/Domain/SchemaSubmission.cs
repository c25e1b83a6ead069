namespace Chat.SchemaRegistry.Domain;

/// <summary>A schema sent to register, look up or test; SchemaType null means AVRO, Confluent's default.</summary>
public sealed record SchemaSubmission(string? Schema, string? SchemaType, IReadOnlyList<SchemaReference> References);
