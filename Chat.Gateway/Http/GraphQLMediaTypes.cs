using Microsoft.Net.Http.Headers;

namespace Chat.Gateway.Http;

/// <summary>Media types of GraphQL over HTTP and the choice of response type from <c>Accept</c>.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    /// <summary>
    /// The response media type for <paramref name="request"/>, or <see langword="null"/> when the client accepts
    /// neither. No <c>Accept</c> header means <c>application/json</c>, as the spec asks for legacy clients; at equal
    /// quality the GraphQL response type wins, and wildcards get <c>application/json</c>.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return Json;
        }

        string? best = null;
        double bestQuality = 0;
        var bestRank = 0;
        foreach (var range in accept)
        {
            var quality = range.Quality ?? 1.0;
            var (mediaType, rank) = Match(range);
            if (mediaType is null || quality <= 0)
            {
                continue;
            }

            if (quality > bestQuality || (quality == bestQuality && rank > bestRank))
            {
                (best, bestQuality, bestRank) = (mediaType, quality, rank);
            }
        }

        return best;
    }

    /// <summary>Whether a browser is asking for a page (the IDE) rather than for data.</summary>
    public static bool PrefersHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(range =>
            range.MediaType.Equals(Html, StringComparison.OrdinalIgnoreCase) && (range.Quality ?? 1.0) > 0);

    private static (string? MediaType, int Rank) Match(MediaTypeHeaderValue range)
    {
        var type = range.MediaType;
        if (type.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))
        {
            return (GraphQLResponse, 3);
        }

        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            return (Json, 2);
        }

        return type.Equals("*/*", StringComparison.Ordinal) || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            ? (Json, 1)
            : (null, 0);
    }
}
