using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>One walk of <see cref="JsonSchemaReadability"/>: reader and writer side by side, problems collected with their JSON pointer.</summary>
internal sealed partial class SchemaComparison(JsonElement readerRoot, JsonElement writerRoot)
{
    private static readonly JsonElement Anything = JsonDocument.Parse("{}").RootElement;

    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "id", "$comment", "title", "description", "default", "examples",
        "definitions", "$defs", "readOnly", "writeOnly", "deprecated", "contentMediaType", "contentEncoding",
    ];

    private static readonly HashSet<string> Analysed =
    [
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "items",
        "maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum",
        "minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum",
        "multipleOf", "pattern", "format", "uniqueItems",
    ];

    /// <summary>Keywords that only ever restrict: a reader without them accepts at least what the writer did.</summary>
    private static readonly HashSet<string> PureRestrictions =
    [
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependencies", "dependentRequired",
        "dependentSchemas", "propertyNames", "contains", "maxContains", "minContains", "patternProperties",
        "additionalItems", "unevaluatedProperties", "unevaluatedItems",
    ];

    private readonly HashSet<(string Reader, string Writer)> comparedReferences = [];

    public List<string> Problems { get; } = [];

    public void Compare(JsonElement reader, JsonElement writer, string path)
    {
        if (!TryDereference(ref reader, ref writer, path))
        {
            return;
        }

        var readerAcceptsAll = reader.ValueKind == JsonValueKind.True ||
                               (reader.ValueKind == JsonValueKind.Object && !reader.EnumerateObject().Any());
        if (writer.ValueKind == JsonValueKind.False || readerAcceptsAll)
        {
            return;
        }

        if (reader.ValueKind == JsonValueKind.False)
        {
            Problems.Add($"{path}: the reader accepts nothing here (false schema) but the writer accepts values.");
            return;
        }

        if (writer.ValueKind == JsonValueKind.True)
        {
            writer = Anything;
        }

        if (reader.ValueKind != JsonValueKind.Object || writer.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        CompareTypes(reader, writer, path);
        CompareEnums(reader, writer, path);
        CompareBounds(reader, writer, path);
        CompareExactKeywords(reader, writer, path);
        CompareObjects(reader, writer, path);
        CompareItems(reader, writer, path);
        CompareUnanalysedKeywords(reader, writer, path);
    }

    /// <summary>Follows local <c>$ref</c>s on both sides; false when the pair was already compared (recursive schemas).</summary>
    private bool TryDereference(ref JsonElement reader, ref JsonElement writer, string path)
    {
        var readerRef = RefOf(reader);
        var writerRef = RefOf(writer);
        if (readerRef is null && writerRef is null)
        {
            return true;
        }

        if (!comparedReferences.Add((readerRef ?? path, writerRef ?? path)))
        {
            return false;
        }

        if (!Resolve(readerRoot, readerRef, ref reader) || !Resolve(writerRoot, writerRef, ref writer))
        {
            if (readerRef != writerRef)
            {
                Problems.Add($"{path}: the reference changed from '{writerRef}' to '{readerRef}' and only local references are analysed.");
            }

            return false;
        }

        return true;
    }

    private static string? RefOf(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var value) &&
        value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Resolve(JsonElement root, string? reference, ref JsonElement schema)
    {
        if (reference is null)
        {
            return true;
        }

        if (!reference.StartsWith('#'))
        {
            return false;
        }

        var target = root;
        foreach (var segment in reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
            {
                return false;
            }
        }

        schema = target;
        return true;
    }
}
