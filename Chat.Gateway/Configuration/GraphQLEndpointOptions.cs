using System.ComponentModel.DataAnnotations;

namespace Chat.Gateway.Configuration;

/// <summary>Limits of the <c>/graphql</c> endpoint, section <c>GraphQL</c>.</summary>
public sealed class GraphQLEndpointOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>Largest accepted POST body; a GraphQL document and its variables fit easily, a flood does not.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest selection nesting a query may have.</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>Depth allowed under <c>__schema</c> and <c>__type</c>, which tooling's introspection query needs.</summary>
    [Range(1, 100)]
    public int MaxIntrospectionDepth { get; set; } = 15;

    /// <summary>
    /// Most fields an operation may select once its fragments are expanded. The standard introspection query expands
    /// to about 220; graphql-dotnet's overlapping-fields rule is quadratic in repeats of one field name, which this
    /// bounds (1000 repeats take about 40 ms of validation).
    /// </summary>
    [Range(1, 100_000)]
    public int MaxFields { get; set; } = 1000;

    /// <summary>
    /// Longest a query or mutation may run before it is abandoned with a <c>TIMEOUT</c> error; subscriptions are not bounded.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan MaxExecutionTime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Whether callers without an access token may introspect the schema; unset, only in Development. Signed-in callers
    /// always may.
    /// </summary>
    public bool? AnonymousIntrospection { get; set; }

    /// <summary>Highest complexity (fields weighted, lists multiplied) graphql-dotnet's analyzer accepts.</summary>
    [Range(1, 1_000_000)]
    public int MaxComplexity { get; set; } = 1000;
}
