using Chat.SchemaRegistry.Domain;

namespace Chat.Tests.SchemaRegistry;

/// <summary>Levels: which direction is checked, and against which earlier versions.</summary>
public sealed class CompatibilityCheckerTests
{
    private const string OpenV1 = """{"type":"object","properties":{"a":{"type":"string"}}}""";
    private const string OpenWithRequiredB = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["b"]}""";

    [Theory]
    [InlineData(CompatibilityLevel.None, true)]
    [InlineData(CompatibilityLevel.Backward, false)]
    [InlineData(CompatibilityLevel.Forward, true)]
    [InlineData(CompatibilityLevel.Full, false)]
    public void Check_WhenARequiredPropertyIsAddedToAnOpenSchema_DependsOnDirection(CompatibilityLevel level, bool compatible) =>
        Assert.Equal(compatible, CompatibilityChecker.Check(level, OpenWithRequiredB, [new SchemaVersionText(1, OpenV1)]).Count == 0);

    [Theory]
    [InlineData(CompatibilityLevel.Backward, true)]
    [InlineData(CompatibilityLevel.Forward, false)]
    [InlineData(CompatibilityLevel.Full, false)]
    public void Check_WhenAnOptionalPropertyIsAddedToAClosedSchema_OldClosedReadersBreak(CompatibilityLevel level, bool compatible)
    {
        const string closedV1 = """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""";
        const string closedV2 = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"additionalProperties":false}""";

        Assert.Equal(compatible, CompatibilityChecker.Check(level, closedV2, [new SchemaVersionText(1, closedV1)]).Count == 0);
    }

    [Theory]
    [InlineData(CompatibilityLevel.Backward, true)]
    [InlineData(CompatibilityLevel.BackwardTransitive, false)]
    [InlineData(CompatibilityLevel.FullTransitive, false)]
    public void Check_WhenOnlyAnOlderVersionConflicts_OnlyTransitiveLevelsNotice(CompatibilityLevel level, bool compatible)
    {
        // v1 has x:integer, v2 drops x (open schema), v3 brings x back as a string: fine against v2, not against v1.
        SchemaVersionText[] previous =
        [
            new(1, """{"type":"object","properties":{"x":{"type":"integer"}}}"""),
            new(2, """{"type":"object","properties":{}}"""),
        ];
        const string v3 = """{"type":"object","properties":{"x":{"type":"string"}}}""";

        Assert.Equal(compatible, CompatibilityChecker.Check(level, v3, previous).Count == 0);
    }

    [Fact]
    public void Check_WhenIncompatible_NamesDirectionAndVersion()
    {
        var problem = Assert.Single(CompatibilityChecker.Check(CompatibilityLevel.Backward, OpenWithRequiredB, [new SchemaVersionText(3, OpenV1)]));

        Assert.StartsWith("BACKWARD: the new schema cannot read data written with version 3:", problem);
    }

    [Fact]
    public void Check_WhenNoEarlierVersion_IsCompatible() =>
        Assert.Empty(CompatibilityChecker.Check(CompatibilityLevel.FullTransitive, OpenWithRequiredB, []));
}
