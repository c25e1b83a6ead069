namespace Chat.SchemaRegistry.Data;

/// <summary>One version of a subject: which global schema it points at, and whether it is soft-deleted.</summary>
internal sealed class SubjectVersion(int version, int schemaId)
{
    public int Version { get; } = version;

    public int SchemaId { get; } = schemaId;

    public bool Deleted { get; set; }
}
