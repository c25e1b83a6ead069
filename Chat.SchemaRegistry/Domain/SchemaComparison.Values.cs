using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>Rules on the values a schema admits: type, enum/const, numeric and length bounds, pattern, format.</summary>
internal sealed partial class SchemaComparison
{
    private static readonly string[] UpperBounds = ["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"];
    private static readonly string[] LowerBounds = ["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"];
    private static readonly string[] ExactKeywords = ["pattern", "format"];

    private void CompareTypes(JsonElement reader, JsonElement writer, string path)
    {
        var readerTypes = TypesOf(reader);
        if (readerTypes is null)
        {
            return;
        }

        var writerTypes = TypesOf(writer);
        if (writerTypes is null)
        {
            Problems.Add($"{path}: the reader only accepts type [{string.Join(", ", readerTypes)}] but the writer allows any type.");
            return;
        }

        foreach (var type in writerTypes)
        {
            var accepted = readerTypes.Contains(type) || (type == "integer" && readerTypes.Contains("number"));
            if (!accepted)
            {
                Problems.Add($"{path}: the writer allows type '{type}' but the reader only accepts [{string.Join(", ", readerTypes)}].");
            }
        }
    }

    private static HashSet<string>? TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(item => item.GetString() ?? "").ToHashSet(StringComparer.Ordinal)
            : [type.GetString() ?? ""];
    }

    private void CompareEnums(JsonElement reader, JsonElement writer, string path)
    {
        var readerValues = AllowedValues(reader);
        if (readerValues is null)
        {
            return;
        }

        var writerValues = AllowedValues(writer);
        if (writerValues is null)
        {
            Problems.Add($"{path}: the reader restricts values to [{string.Join(", ", readerValues)}] but the writer does not.");
            return;
        }

        foreach (var value in writerValues.Where(value => !readerValues.Any(allowed => JsonElement.DeepEquals(allowed, value))))
        {
            Problems.Add($"{path}: the writer allows the value {value.GetRawText()} which the reader's enum does not.");
        }
    }

    /// <summary>The closed set of values of an <c>enum</c> or <c>const</c>; null when the schema has neither.</summary>
    private static List<JsonElement>? AllowedValues(JsonElement schema)
    {
        if (schema.TryGetProperty("const", out var constant))
        {
            return [constant];
        }

        return schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray()]
            : null;
    }

    private void CompareBounds(JsonElement reader, JsonElement writer, string path)
    {
        foreach (var keyword in UpperBounds)
        {
            CompareBound(reader, writer, path, keyword, (readerBound, writerBound) => readerBound >= writerBound, "lowered");
        }

        foreach (var keyword in LowerBounds)
        {
            CompareBound(reader, writer, path, keyword, (readerBound, writerBound) => readerBound <= writerBound, "raised");
        }

        if (reader.TryGetProperty("multipleOf", out var readerStep) && readerStep.ValueKind == JsonValueKind.Number)
        {
            var divides = writer.TryGetProperty("multipleOf", out var writerStep) && writerStep.ValueKind == JsonValueKind.Number &&
                          readerStep.GetDecimal() != 0 && writerStep.GetDecimal() % readerStep.GetDecimal() == 0;
            if (!divides)
            {
                Problems.Add($"{path}: the reader requires multipleOf {readerStep.GetRawText()} which the writer does not guarantee.");
            }
        }

        if (reader.TryGetProperty("uniqueItems", out var unique) && unique.ValueKind == JsonValueKind.True &&
            !(writer.TryGetProperty("uniqueItems", out var writerUnique) && writerUnique.ValueKind == JsonValueKind.True))
        {
            Problems.Add($"{path}: the reader requires uniqueItems which the writer does not guarantee.");
        }
    }

    private void CompareBound(JsonElement reader, JsonElement writer, string path, string keyword,
        Func<decimal, decimal, bool> readerAcceptsWriter, string tightened)
    {
        if (!reader.TryGetProperty(keyword, out var readerBound) || readerBound.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        if (!writer.TryGetProperty(keyword, out var writerBound) || writerBound.ValueKind != JsonValueKind.Number)
        {
            Problems.Add($"{path}: the reader adds {keyword} {readerBound.GetRawText()} which the writer does not have.");
        }
        else if (!readerAcceptsWriter(readerBound.GetDecimal(), writerBound.GetDecimal()))
        {
            Problems.Add($"{path}: {keyword} {tightened} from {writerBound.GetRawText()} (writer) to {readerBound.GetRawText()} (reader).");
        }
    }

    private void CompareExactKeywords(JsonElement reader, JsonElement writer, string path)
    {
        foreach (var keyword in ExactKeywords)
        {
            if (reader.TryGetProperty(keyword, out var readerValue) &&
                !(writer.TryGetProperty(keyword, out var writerValue) && JsonElement.DeepEquals(readerValue, writerValue)))
            {
                Problems.Add($"{path}: the reader requires {keyword} {readerValue.GetRawText()} which the writer does not have.");
            }
        }
    }
}
