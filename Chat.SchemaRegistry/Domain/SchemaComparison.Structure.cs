using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>Rules on structure: required, properties, additionalProperties, items, and keywords not analysed.</summary>
internal sealed partial class SchemaComparison
{
    private void CompareObjects(JsonElement reader, JsonElement writer, string path)
    {
        var writerRequired = RequiredOf(writer);
        foreach (var name in RequiredOf(reader).Where(name => !writerRequired.Contains(name)))
        {
            Problems.Add($"{path}: property '{name}' is required by the reader but not by the writer.");
        }

        var readerProperties = PropertiesOf(reader);
        var writerProperties = PropertiesOf(writer);
        var readerAdditional = AdditionalPropertiesOf(reader);
        var writerAdditional = AdditionalPropertiesOf(writer);

        foreach (var (name, writerSchema) in writerProperties)
        {
            var propertyPath = $"{path}/properties/{name}";
            if (readerProperties.TryGetValue(name, out var readerSchema))
            {
                Compare(readerSchema, writerSchema, propertyPath);
            }
            else if (readerAdditional.ValueKind == JsonValueKind.False)
            {
                Problems.Add($"{propertyPath}: the writer may write property '{name}' but the reader's closed schema (additionalProperties: false) does not declare it.");
            }
            else
            {
                Compare(readerAdditional, writerSchema, propertyPath);
            }
        }

        // A property only the reader declares comes from the writer's additionalProperties. When the writer is
        // open (true) we assume producers write only what they declare, so adding an optional property is fine.
        if (writerAdditional.ValueKind == JsonValueKind.Object && writerAdditional.EnumerateObject().Any())
        {
            foreach (var (name, readerSchema) in readerProperties.Where(property => !writerProperties.ContainsKey(property.Key)))
            {
                Compare(readerSchema, writerAdditional, $"{path}/properties/{name}");
            }
        }

        if (readerAdditional.ValueKind == JsonValueKind.False && writerAdditional.ValueKind != JsonValueKind.False)
        {
            Problems.Add($"{path}: the reader closes the schema (additionalProperties: false) that the writer left open.");
        }
        else
        {
            Compare(readerAdditional, writerAdditional, $"{path}/additionalProperties");
        }
    }

    private static HashSet<string> RequiredOf(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(item => item.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : [];

    private static Dictionary<string, JsonElement> PropertiesOf(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            ? properties.EnumerateObject().ToDictionary(property => property.Name, property => property.Value, StringComparer.Ordinal)
            : [];

    private static JsonElement AdditionalPropertiesOf(JsonElement schema) =>
        schema.TryGetProperty("additionalProperties", out var additional) ? additional : Anything;

    private void CompareItems(JsonElement reader, JsonElement writer, string path)
    {
        var readerItems = reader.TryGetProperty("items", out var readerValue) ? readerValue : Anything;
        var writerItems = writer.TryGetProperty("items", out var writerValue) ? writerValue : Anything;
        if (readerItems.ValueKind == JsonValueKind.Array || writerItems.ValueKind == JsonValueKind.Array)
        {
            if (!JsonElement.DeepEquals(readerItems, writerItems))
            {
                Problems.Add($"{path}/items: tuple items changed and only unchanged tuples are considered compatible.");
            }

            return;
        }

        Compare(readerItems, writerItems, $"{path}/items");
    }

    /// <summary>Combinators and rarer keywords are not analysed: unchanged is fine, dropped restrictions are fine, anything else breaks.</summary>
    private void CompareUnanalysedKeywords(JsonElement reader, JsonElement writer, string path)
    {
        var keywords = reader.EnumerateObject().Select(property => property.Name)
            .Union(writer.EnumerateObject().Select(property => property.Name))
            .Where(keyword => !Annotations.Contains(keyword) && !Analysed.Contains(keyword));

        foreach (var keyword in keywords)
        {
            var inReader = reader.TryGetProperty(keyword, out var readerValue);
            var inWriter = writer.TryGetProperty(keyword, out var writerValue);
            if (!inReader && PureRestrictions.Contains(keyword))
            {
                continue;
            }

            if (inReader != inWriter || !JsonElement.DeepEquals(readerValue, writerValue))
            {
                Problems.Add($"{path}: keyword '{keyword}' changed; changes to it are not analysed, so they count as incompatible.");
            }
        }
    }
}
