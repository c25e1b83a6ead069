using GraphQL.Transport;

namespace Chat.Gateway.Http;

/// <summary>
/// Either a GraphQL request read from HTTP, or why there is none: <see cref="FailureStatus"/> 400 is answered
/// with a GraphQL error, 413 and 415 with problem details.
/// </summary>
public sealed record GraphQLRequestReadResult(GraphQLRequest? Request, int FailureStatus, string? FailureMessage)
{
    public static GraphQLRequestReadResult Success(GraphQLRequest request) => new(request, 0, null);

    public static GraphQLRequestReadResult Failure(int status, string message) => new(null, status, message);
}
