using Chat.Gateway.Diagnostics;
using Chat.Gateway.Errors;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Types;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Chat.Gateway.Http;

/// <summary>
/// GraphQL over HTTP (https://graphql.github.io/graphql-over-http/draft/) at one endpoint: GET for queries,
/// POST with <c>application/json</c>, content negotiation between <c>application/graphql-response+json</c> and
/// <c>application/json</c>, and the IDE page for browsers. WebSocket requests go on to the next middleware.
/// </summary>
public sealed class GraphQLHttpMiddleware(
    RequestDelegate next,
    IDocumentExecuter<ISchema> executer,
    GraphQLRequestReader reader,
    GraphQLResponseWriter writer)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed,
                "GraphQL requests use GET (queries) or POST.", allow: "GET, POST");
            return;
        }

        if (isGet && GraphQLMediaTypes.PrefersHtml(request))
        {
            await GraphQLIdePage.WriteAsync(context);
            return;
        }

        var mediaType = GraphQLMediaTypes.Negotiate(request);
        if (mediaType is null)
        {
            await WriteProblemAsync(context, StatusCodes.Status406NotAcceptable,
                $"Accept '{GraphQLMediaTypes.GraphQLResponse}' or '{GraphQLMediaTypes.Json}'.");
            return;
        }

        var read = isGet ? reader.ReadGet(request) : await reader.ReadPostAsync(request, context.RequestAborted);
        if (read.Request is not { } graphQLRequest)
        {
            await WriteReadFailureAsync(context, read, mediaType);
            return;
        }

        var document = TryParse(graphQLRequest.Query!);
        var operation = document is null ? null : GraphQLOperations.Select(document, graphQLRequest.OperationName);
        if (isGet && operation is { Operation: not OperationType.Query })
        {
            await WriteProblemAsync(context, StatusCodes.Status405MethodNotAllowed,
                "Only queries may be sent with GET; send mutations with POST.", allow: "POST");
            return;
        }

        if (operation is { Operation: OperationType.Subscription })
        {
            await writer.WriteErrorAsync(context,
                new GatewayError(ErrorCodes.BadRequest, "Subscriptions are served over WebSocket (graphql-transport-ws)."),
                mediaType, StatusCodes.Status400BadRequest);
            return;
        }

        using var activity = GraphQLOperationTracing.Start(operation);
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = graphQLRequest.Query,
            Document = document,
            OperationName = graphQLRequest.OperationName,
            Variables = graphQLRequest.Variables,
            Extensions = graphQLRequest.Extensions,
            RequestServices = context.RequestServices,
            User = context.User,
            CancellationToken = context.RequestAborted,
        });
        GraphQLOperationTracing.Finish(activity, result);
        await writer.WriteResultAsync(context, result, mediaType);
    }

    private Task WriteReadFailureAsync(HttpContext context, GraphQLRequestReadResult read, string mediaType) =>
        read.FailureStatus == StatusCodes.Status400BadRequest
            ? writer.WriteErrorAsync(context, new GatewayError(ErrorCodes.BadRequest, read.FailureMessage!), mediaType,
                StatusCodes.Status400BadRequest)
            : WriteProblemAsync(context, read.FailureStatus, read.FailureMessage!);

    /// <summary>
    /// Parses once here so GET can be refused for mutations before anything runs; a document that does not parse
    /// is left to the executer, which reports the syntax error in the GraphQL response.
    /// </summary>
    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string detail, string? allow = null)
    {
        if (allow is not null)
        {
            context.Response.Headers.Allow = allow;
        }

        await TypedResults.Problem(detail: detail, statusCode: status).ExecuteAsync(context);
    }
}
