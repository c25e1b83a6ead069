using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>
/// Checks that a schema string is a structurally sound JSON Schema and gives its canonical (minified) form, so the
/// same schema sent with different whitespace gets the same id.
/// </summary>
public static class JsonSchemaText
{
    private static readonly HashSet<string> TypeNames = ["null", "boolean", "object", "array", "number", "integer", "string"];
    private static readonly string[] SchemaKeywords = ["additionalProperties", "additionalItems", "not", "if", "then", "else", "contains", "propertyNames"];
    private static readonly string[] SchemaMapKeywords = ["properties", "patternProperties", "definitions", "$defs"];
    private static readonly string[] SchemaListKeywords = ["allOf", "anyOf", "oneOf"];

    public static string Canonicalize(string? schema)
    {
        if (string.IsNullOrWhiteSpace(schema))
        {
            throw RegistryErrors.InvalidSchema("the schema is empty.");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(schema);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw RegistryErrors.InvalidSchema($"not valid JSON ({exception.Message}).");
        }

        Validate(root, "#");
        return JsonSerializer.Serialize(root);
    }

    private static void Validate(JsonElement schema, string path)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw RegistryErrors.InvalidSchema($"{path} must be an object or a boolean.");
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var names = type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray()] : new[] { type };
            if (names.Length == 0 || names.Any(name => name.ValueKind != JsonValueKind.String || !TypeNames.Contains(name.GetString()!)))
            {
                throw RegistryErrors.InvalidSchema($"{path}/type must name JSON Schema types ({string.Join(", ", TypeNames)}).");
            }
        }

        RequireKind(schema, "required", JsonValueKind.Array, path);
        RequireKind(schema, "enum", JsonValueKind.Array, path);
        if (schema.TryGetProperty("required", out var required) && required.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw RegistryErrors.InvalidSchema($"{path}/required must list property names.");
        }

        foreach (var keyword in SchemaKeywords.Where(keyword => schema.TryGetProperty(keyword, out _)))
        {
            Validate(schema.GetProperty(keyword), $"{path}/{keyword}");
        }

        foreach (var keyword in SchemaMapKeywords.Where(keyword => schema.TryGetProperty(keyword, out _)))
        {
            RequireKind(schema, keyword, JsonValueKind.Object, path);
            foreach (var property in schema.GetProperty(keyword).EnumerateObject())
            {
                Validate(property.Value, $"{path}/{keyword}/{property.Name}");
            }
        }

        foreach (var keyword in SchemaListKeywords.Where(keyword => schema.TryGetProperty(keyword, out _)))
        {
            RequireKind(schema, keyword, JsonValueKind.Array, path);
            var index = 0;
            foreach (var item in schema.GetProperty(keyword).EnumerateArray())
            {
                Validate(item, $"{path}/{keyword}/{index++}");
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            var list = items.ValueKind == JsonValueKind.Array ? [.. items.EnumerateArray()] : new[] { items };
            for (var index = 0; index < list.Length; index++)
            {
                Validate(list[index], $"{path}/items");
            }
        }
    }

    private static void RequireKind(JsonElement schema, string keyword, JsonValueKind kind, string path)
    {
        if (schema.TryGetProperty(keyword, out var value) && value.ValueKind != kind)
        {
            throw RegistryErrors.InvalidSchema($"{path}/{keyword} must be a JSON {kind.ToString().ToLowerInvariant()}.");
        }
    }
}
