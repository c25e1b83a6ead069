using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>
/// Decides whether a reader schema accepts every document a writer schema accepts, keyword by keyword
/// (rules in Chat.SchemaRegistry/README.md). BACKWARD asks it with reader = new, writer = old; FORWARD the mirror.
/// Conservative: a change it cannot analyse (e.g. an edited <c>oneOf</c>) counts as a break.
/// </summary>
public static class JsonSchemaReadability
{
    /// <summary>Every reason the reader may reject a document the writer accepts; empty when it can read them all.</summary>
    public static IReadOnlyList<string> FindBreaks(JsonElement reader, JsonElement writer)
    {
        var comparison = new SchemaComparison(reader, writer);
        comparison.Compare(reader, writer, "#");
        return comparison.Problems;
    }

    public static IReadOnlyList<string> FindBreaks(string reader, string writer)
    {
        using var readerDocument = JsonDocument.Parse(reader);
        using var writerDocument = JsonDocument.Parse(writer);
        return FindBreaks(readerDocument.RootElement, writerDocument.RootElement);
    }
}
