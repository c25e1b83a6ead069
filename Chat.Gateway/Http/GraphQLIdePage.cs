using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Chat.Gateway.Http;

/// <summary>
/// GraphiQL at the GraphQL endpoint for browsers (GET with <c>Accept: text/html</c>), its bundle under
/// <c>{endpoint}/ide/</c>, and a redirect from the site root. Everything is served from the assembly: the gateway
/// may run where no CDN is reachable, and the page's policy lets it load nothing from anywhere else.
/// </summary>
public static class GraphQLIdePage
{
    /// <summary>
    /// Scripts only from the gateway. Styles also inline: the dialogs' scroll lock (react-remove-scroll) injects a
    /// &lt;style&gt; element. Fonts and icons are data: URLs inside ide.css. 'self' covers ws: to the same host.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private const string AssetsSegment = "/ide";

    /// <summary>Maps the bundle's files and the root redirect for the GraphQL endpoint at <paramref name="pattern"/>.</summary>
    public static IEndpointRouteBuilder MapGraphQLIde(this IEndpointRouteBuilder endpoints,
        string pattern = GraphQLEndpointRouteBuilderExtensions.DefaultPattern)
    {
        endpoints.MapGet(pattern + AssetsSegment + "/{name}", GetAsset).WithDisplayName("GraphiQL assets").ExcludeFromDescription();
        // A newcomer opening the gateway's address in a browser lands in the IDE instead of on a blank 404.
        endpoints.MapGet("/", () => TypedResults.Redirect(pattern)).WithDisplayName("Root to GraphiQL").ExcludeFromDescription();
        return endpoints;
    }

    public static async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        // The page names the current bundle's versions: always revalidated, so a new release is picked up at once.
        response.Headers.CacheControl = "no-cache";
        await response.WriteAsync(GraphQLIdeAssets.Page(context.Request.PathBase + context.Request.Path.Value?.TrimEnd('/') + AssetsSegment),
            context.RequestAborted);
    }

    private static Results<FileContentHttpResult, NotFound> GetAsset(string name, HttpContext context)
    {
        if (GraphQLIdeAssets.Find(name) is not { } asset)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        // A URL carrying the current version never changes content; any other is revalidated with the ETag.
        headers.CacheControl = context.Request.Query["v"] == asset.Version ? "public, max-age=31536000, immutable" : "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.Vary = HeaderNames.AcceptEncoding;
        var entityTag = new EntityTagHeaderValue($"\"{asset.Version}\"");
        if (AcceptsGzip(context.Request))
        {
            headers.ContentEncoding = "gzip";
            return TypedResults.Bytes(asset.Gzipped, asset.ContentType, entityTag: new EntityTagHeaderValue($"\"{asset.Version}-gz\""));
        }
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: entityTag);
    }

    private static bool AcceptsGzip(HttpRequest request) =>
        request.GetTypedHeaders().AcceptEncoding.Any(encoding =>
            encoding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && (encoding.Quality ?? 1.0) > 0);
}
