using Chat.SchemaRegistry.Domain;

namespace Chat.Tests.SchemaRegistry;

/// <summary>One rule per test: can a reader schema read every document the writer schema accepts?</summary>
public sealed class JsonSchemaReadabilityTests
{
    private const string Closed = """{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""";
    private const string Open = """{"type":"object","properties":{"a":{"type":"string"}},"required":["a"]}""";

    [Fact]
    public void FindBreaks_WhenSchemasAreEqual_FindsNone() =>
        Assert.Empty(JsonSchemaReadability.FindBreaks(Closed, Closed));

    [Theory]
    [InlineData(Closed)]
    [InlineData(Open)]
    public void FindBreaks_WhenReaderAddsAnOptionalProperty_FindsNone(string writer)
    {
        var reader = writer.Replace("""{"a":{"type":"string"}}""", """{"a":{"type":"string"},"b":{"type":"integer"}}""");

        Assert.Empty(JsonSchemaReadability.FindBreaks(reader, writer));
    }

    [Fact]
    public void FindBreaks_WhenReaderAddsARequiredProperty_ReportsIt()
    {
        var reader = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"required":["a","b"],"additionalProperties":false}""";

        var problem = Assert.Single(JsonSchemaReadability.FindBreaks(reader, Closed));

        Assert.Contains("'b' is required by the reader", problem);
    }

    [Fact]
    public void FindBreaks_WhenClosedReaderDropsAPropertyTheWriterHas_ReportsIt()
    {
        var writer = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}},"additionalProperties":false}""";
        var reader = """{"type":"object","properties":{"a":{"type":"string"}},"additionalProperties":false}""";

        var problem = Assert.Single(JsonSchemaReadability.FindBreaks(reader, writer));

        Assert.Contains("#/properties/b", problem);
    }

    [Fact]
    public void FindBreaks_WhenOpenReaderDropsAProperty_FindsNone()
    {
        var writer = """{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""";
        var reader = """{"type":"object","properties":{"a":{"type":"string"}}}""";

        Assert.Empty(JsonSchemaReadability.FindBreaks(reader, writer));
    }

    [Fact]
    public void FindBreaks_WhenReaderClosesAnOpenSchema_ReportsIt() =>
        Assert.Contains(JsonSchemaReadability.FindBreaks(Closed, Open), problem => problem.Contains("closes the schema"));

    [Theory]
    [InlineData("""{"type":"number"}""", """{"type":"integer"}""", false)]
    [InlineData("""{"type":"integer"}""", """{"type":"number"}""", true)]
    [InlineData("""{"type":["string","null"]}""", """{"type":"string"}""", false)]
    [InlineData("""{"type":"string"}""", """{"type":["string","null"]}""", true)]
    [InlineData("""{}""", """{"type":"string"}""", false)]
    [InlineData("""{"type":"string"}""", """{"type":"boolean"}""", false)]
    public void FindBreaks_OnTypeChanges_AllowsOnlyWidening(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);

    [Theory]
    [InlineData("""{"type":"string"}""", """{"type":"string","enum":["a","b"]}""", false)]
    [InlineData("""{"enum":["a","b","c"]}""", """{"enum":["a","b"]}""", false)]
    [InlineData("""{"enum":["a","b"]}""", """{"enum":["a","b","c"]}""", true)]
    [InlineData("""{"const":"a"}""", """{"enum":["a","b"]}""", true)]
    [InlineData("""{"enum":["a","b"]}""", """{"const":"a"}""", false)]
    public void FindBreaks_OnEnumChanges_AllowsOnlySupersets(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);

    [Theory]
    [InlineData("""{"type":"string","maxLength":20}""", """{"type":"string","maxLength":10}""", false)]
    [InlineData("""{"type":"string","maxLength":10}""", """{"type":"string","maxLength":20}""", true)]
    [InlineData("""{"type":"string"}""", """{"type":"string","maxLength":20}""", false)]
    [InlineData("""{"type":"string","maxLength":20}""", """{"type":"string"}""", true)]
    [InlineData("""{"type":"integer","minimum":1}""", """{"type":"integer","minimum":5}""", false)]
    [InlineData("""{"type":"integer","minimum":5}""", """{"type":"integer","minimum":1}""", true)]
    [InlineData("""{"type":"array","maxItems":3}""", """{"type":"array","maxItems":2}""", false)]
    [InlineData("""{"type":"integer","multipleOf":4}""", """{"type":"integer","multipleOf":2}""", true)]
    [InlineData("""{"type":"integer","multipleOf":2}""", """{"type":"integer","multipleOf":4}""", false)]
    [InlineData("""{"type":"array"}""", """{"type":"array","uniqueItems":true}""", false)]
    public void FindBreaks_OnBounds_AllowsOnlyLoosening(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);

    [Theory]
    [InlineData("""{"type":"string"}""", """{"type":"string","pattern":"^a"}""", false)]
    [InlineData("""{"type":"string","pattern":"^a"}""", """{"type":"string"}""", true)]
    [InlineData("""{"type":"string"}""", """{"type":"string","format":"uuid"}""", false)]
    [InlineData("""{"type":"string","format":"uuid"}""", """{"type":"string","format":"uuid"}""", true)]
    public void FindBreaks_OnPatternAndFormat_AllowsOnlyRemovalOrEquality(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);

    [Fact]
    public void FindBreaks_WhenANestedPropertyNarrows_ReportsItsPath()
    {
        var writer = """{"type":"object","properties":{"address":{"type":"object","properties":{"zip":{"type":"string"}}}}}""";
        var reader = """{"type":"object","properties":{"address":{"type":"object","properties":{"zip":{"type":"string","maxLength":5}}}}}""";

        var problem = Assert.Single(JsonSchemaReadability.FindBreaks(reader, writer));

        Assert.StartsWith("#/properties/address/properties/zip:", problem);
    }

    [Fact]
    public void FindBreaks_WhenArrayItemsNarrow_ReportsIt()
    {
        var writer = """{"type":"array","items":{"type":"number"}}""";
        var reader = """{"type":"array","items":{"type":"integer"}}""";

        Assert.Contains(JsonSchemaReadability.FindBreaks(reader, writer), problem => problem.StartsWith("#/items:"));
    }

    [Theory]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"}]}""", false)]
    [InlineData("""{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{}""", true)]
    [InlineData("""{"oneOf":[{"type":"string"}]}""", """{"oneOf":[{"type":"string"}]}""", true)]
    [InlineData("""{"type":"object"}""", """{"type":"object","propertyNames":{"maxLength":3}}""", false)]
    public void FindBreaks_OnUnanalysedKeywords_AcceptsOnlyUnchangedOrDropped(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);

    [Fact]
    public void FindBreaks_WhenADefinitionBehindARefNarrows_FollowsTheRef()
    {
        var writer = """{"type":"object","properties":{"p":{"$ref":"#/definitions/P"}},"definitions":{"P":{"type":"number"}}}""";
        var reader = """{"type":"object","properties":{"p":{"$ref":"#/definitions/P"}},"definitions":{"P":{"type":"integer"}}}""";

        Assert.Contains(JsonSchemaReadability.FindBreaks(reader, writer), problem => problem.Contains("'number'"));
    }

    [Fact]
    public void FindBreaks_WhenSchemasAreRecursive_Terminates()
    {
        const string tree = """{"$ref":"#/definitions/Node","definitions":{"Node":{"type":"object","properties":{"children":{"type":"array","items":{"$ref":"#/definitions/Node"}}}}}}""";

        Assert.Empty(JsonSchemaReadability.FindBreaks(tree, tree));
    }

    [Theory]
    [InlineData("true", "false", false)]
    [InlineData("false", """{"type":"string"}""", true)]
    [InlineData("""{"type":"string"}""", "true", true)]
    [InlineData("true", """{"type":"string"}""", false)]
    public void FindBreaks_OnBooleanSchemas_TreatsTrueAsAnythingAndFalseAsNothing(string writer, string reader, bool compatible) =>
        Assert.Equal(compatible, JsonSchemaReadability.FindBreaks(reader, writer).Count == 0);
}
