namespace Chat.SchemaRegistry.Domain;

/// <summary>Confluent's compatibility levels; the names on the wire are the upper-case member names.</summary>
public enum CompatibilityLevel
{
    None,
    Backward,
    BackwardTransitive,
    Forward,
    ForwardTransitive,
    Full,
    FullTransitive,
}
