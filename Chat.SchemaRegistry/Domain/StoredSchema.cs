namespace Chat.SchemaRegistry.Domain;

/// <summary>A schema under its global id, shared by every subject that registers the same text.</summary>
public sealed record StoredSchema(int Id, string SchemaType, string Schema, IReadOnlyList<SchemaReference> References)
{
    /// <summary>What makes two registrations "the same schema": type, canonical text and references.</summary>
    public string Fingerprint => FingerprintOf(SchemaType, Schema, References);

    public static string FingerprintOf(string schemaType, string canonicalSchema, IReadOnlyList<SchemaReference> references) =>
        $"{schemaType}\n{canonicalSchema}\n{string.Join("\n", references.Select(reference => $"{reference.Name}|{reference.Subject}|{reference.Version}"))}";
}
