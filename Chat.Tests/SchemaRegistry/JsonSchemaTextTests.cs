using Chat.SchemaRegistry.Domain;

namespace Chat.Tests.SchemaRegistry;

public sealed class JsonSchemaTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{not json")]
    [InlineData("42")]
    [InlineData("""{"type":"strng"}""")]
    [InlineData("""{"type":"object","required":"a"}""")]
    [InlineData("""{"type":"object","properties":{"a":7}}""")]
    [InlineData("""{"anyOf":{"type":"string"}}""")]
    public void Canonicalize_WhenSchemaIsInvalid_Throws42201(string schema)
    {
        var error = Assert.Throws<RegistryException>(() => JsonSchemaText.Canonicalize(schema));

        Assert.Equal((42201, 422), (error.ErrorCode, error.StatusCode));
    }

    [Fact]
    public void Canonicalize_WhenOnlyWhitespaceDiffers_GivesTheSameText() =>
        Assert.Equal(
            JsonSchemaText.Canonicalize("""{"type":"object","properties":{"a":{"type":"string"}}}"""),
            JsonSchemaText.Canonicalize("{ \"type\" : \"object\",\n  \"properties\": { \"a\": { \"type\": \"string\" } } }"));
}
