namespace Chat.Gateway.Http;

public static class GraphQLEndpointRouteBuilderExtensions
{
    public const string DefaultPattern = "/graphql";

    /// <summary>
    /// Maps the GraphQL-over-HTTP endpoint as a small pipeline of its own (as graphql-dotnet/server does), so
    /// endpoint metadata such as CORS and rate limiting policies applies to it.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        var pipeline = endpoints.CreateApplicationBuilder()
            .UseMiddleware<GraphQLHttpMiddleware>()
            .UseMiddleware<WebSockets.GraphQLWebSocketMiddleware>()
            .Build();
        return endpoints.Map(pattern, pipeline).WithDisplayName("GraphQL");
    }
}
