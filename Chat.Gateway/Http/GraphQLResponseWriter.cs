using Chat.Gateway.Errors;
using GraphQL;

namespace Chat.Gateway.Http;

/// <summary>
/// Writes GraphQL responses in the negotiated media type with the status code the spec asks for: with
/// <c>application/graphql-response+json</c> a document that never executed (parse or validation failure) is a
/// 400; with legacy <c>application/json</c> every well-formed request gets 200.
/// </summary>
public sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer)
{
    public Task WriteResultAsync(HttpContext context, ExecutionResult result, string mediaType)
    {
        var status = mediaType == GraphQLMediaTypes.GraphQLResponse && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return WriteAsync(context, result, mediaType, status);
    }

    /// <summary>A response with one error and no <c>data</c> entry, for requests that were never executed.</summary>
    public Task WriteErrorAsync(HttpContext context, ExecutionError error, string mediaType, int status) =>
        WriteAsync(context, new ExecutionResult { Executed = false, Errors = [error] }, mediaType, status);

    private async Task WriteAsync(HttpContext context, ExecutionResult result, string mediaType, int status)
    {
        context.Response.StatusCode = status;
        // A service's 429 reaches the client inside a 200 response: its wait still belongs in the header clients read.
        if (result.Errors?.OfType<GatewayError>().Max(error => error.RetryAfterSeconds) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted);
    }
}
