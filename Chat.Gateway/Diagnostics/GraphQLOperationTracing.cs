using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;

namespace Chat.Gateway.Diagnostics;

/// <summary>
/// A span per GraphQL operation, inside the HTTP request or WebSocket connection that carried it, named after
/// OpenTelemetry's GraphQL conventions — <c>mutation sendMessage</c> — so a trace says what was asked, not only
/// <c>POST /graphql</c>. Anonymous operations are named by their root fields. The document itself is not recorded:
/// its arguments may hold message contents or passwords.
/// </summary>
public static class GraphQLOperationTracing
{
    public const string SourceName = "Chat.Gateway.GraphQL";
    private static readonly ActivitySource Source = new(SourceName);

    public static Activity? Start(GraphQLOperationDefinition? operation)
    {
        if (!Source.HasListeners())
        {
            return null;
        }
        var type = operation?.Operation.ToString().ToLowerInvariant();
        var name = operation?.Name?.StringValue
            ?? (operation is null ? null : string.Join(',', operation.SelectionSet.Selections.OfType<GraphQLField>().Select(f => f.Name.StringValue)));
        var activity = Source.StartActivity(type is null ? "graphql" : $"{type} {name}".TrimEnd());
        activity?.SetTag("graphql.operation.type", type);
        activity?.SetTag("graphql.operation.name", operation?.Name?.StringValue);
        return activity;
    }

    /// <summary>Marks the span failed when the result has errors, with their stable codes.</summary>
    public static void Finish(Activity? activity, ExecutionResult result)
    {
        if (activity is null || result.Errors is not { Count: > 0 } errors)
        {
            return;
        }
        var codes = string.Join(',', errors.Select(error => error.Code).Distinct());
        activity.SetStatus(ActivityStatusCode.Error, codes);
        activity.SetTag("graphql.error.codes", codes);
    }
}
