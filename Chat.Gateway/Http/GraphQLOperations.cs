using GraphQLParser.AST;

namespace Chat.Gateway.Http;

/// <summary>Which operation of a document a request runs, as the GraphQL spec's GetOperation picks it.</summary>
public static class GraphQLOperations
{
    /// <summary>The named operation, or the only one when no name is given; null when there is no such single operation.</summary>
    public static GraphQLOperationDefinition? Select(GraphQLDocument? document, string? operationName)
    {
        var operations = document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() ?? [];
        return operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name is { } name && name.StringValue == operationName);
    }
}
