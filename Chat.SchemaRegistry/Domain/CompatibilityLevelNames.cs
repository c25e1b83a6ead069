namespace Chat.SchemaRegistry.Domain;

/// <summary>Wire names of <see cref="CompatibilityLevel"/> (<c>BACKWARD_TRANSITIVE</c>), parsed case-insensitively as Confluent does.</summary>
public static class CompatibilityLevelNames
{
    private static readonly Dictionary<string, CompatibilityLevel> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NONE"] = CompatibilityLevel.None,
        ["BACKWARD"] = CompatibilityLevel.Backward,
        ["BACKWARD_TRANSITIVE"] = CompatibilityLevel.BackwardTransitive,
        ["FORWARD"] = CompatibilityLevel.Forward,
        ["FORWARD_TRANSITIVE"] = CompatibilityLevel.ForwardTransitive,
        ["FULL"] = CompatibilityLevel.Full,
        ["FULL_TRANSITIVE"] = CompatibilityLevel.FullTransitive,
    };

    public static bool TryParse(string? name, out CompatibilityLevel level) =>
        ByName.TryGetValue(name ?? "", out level);

    public static string ToWireName(this CompatibilityLevel level) => level switch
    {
        CompatibilityLevel.None => "NONE",
        CompatibilityLevel.Backward => "BACKWARD",
        CompatibilityLevel.BackwardTransitive => "BACKWARD_TRANSITIVE",
        CompatibilityLevel.Forward => "FORWARD",
        CompatibilityLevel.ForwardTransitive => "FORWARD_TRANSITIVE",
        CompatibilityLevel.Full => "FULL",
        CompatibilityLevel.FullTransitive => "FULL_TRANSITIVE",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static bool ChecksBackward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Backward or CompatibilityLevel.BackwardTransitive
            or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    public static bool ChecksForward(this CompatibilityLevel level) =>
        level is CompatibilityLevel.Forward or CompatibilityLevel.ForwardTransitive
            or CompatibilityLevel.Full or CompatibilityLevel.FullTransitive;

    public static bool IsTransitive(this CompatibilityLevel level) =>
        level is CompatibilityLevel.BackwardTransitive or CompatibilityLevel.ForwardTransitive
            or CompatibilityLevel.FullTransitive;
}
