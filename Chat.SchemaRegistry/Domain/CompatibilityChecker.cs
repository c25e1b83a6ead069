using System.Text.Json;

namespace Chat.SchemaRegistry.Domain;

/// <summary>Applies a <see cref="CompatibilityLevel"/> to a candidate schema and the subject's earlier versions.</summary>
public static class CompatibilityChecker
{
    /// <param name="candidate">The schema being registered or tested.</param>
    /// <param name="previous">The versions to check against, oldest first; transitive levels use all, others only the last.</param>
    /// <returns>Human-readable reasons; empty when compatible.</returns>
    public static IReadOnlyList<string> Check(CompatibilityLevel level, string candidate, IReadOnlyList<SchemaVersionText> previous)
    {
        if (level == CompatibilityLevel.None || previous.Count == 0)
        {
            return [];
        }

        var against = level.IsTransitive() ? previous : [previous[^1]];
        using var candidateDocument = JsonDocument.Parse(candidate);
        var problems = new List<string>();
        foreach (var earlier in against)
        {
            using var earlierDocument = JsonDocument.Parse(earlier.Schema);
            if (level.ChecksBackward())
            {
                problems.AddRange(JsonSchemaReadability.FindBreaks(candidateDocument.RootElement, earlierDocument.RootElement)
                    .Select(problem => $"BACKWARD: the new schema cannot read data written with version {earlier.Version}: {problem}"));
            }

            if (level.ChecksForward())
            {
                problems.AddRange(JsonSchemaReadability.FindBreaks(earlierDocument.RootElement, candidateDocument.RootElement)
                    .Select(problem => $"FORWARD: version {earlier.Version} cannot read data written with the new schema: {problem}"));
            }
        }

        return problems;
    }
}
