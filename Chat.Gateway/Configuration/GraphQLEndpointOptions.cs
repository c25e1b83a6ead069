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

    /// <summary>Highest complexity (fields weighted, lists multiplied) graphql-dotnet's analyzer accepts.</summary>
    [Range(1, 1_000_000)]
    public int MaxComplexity { get; set; } = 1000;
}
