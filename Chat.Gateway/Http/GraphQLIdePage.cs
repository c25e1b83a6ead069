namespace Chat.Gateway.Http;

/// <summary>
/// A small self-contained GraphQL IDE (no external assets: the gateway may run where no CDN is reachable).
/// </summary>
public static class GraphQLIdePage
{
    private static readonly Lazy<byte[]> Page = new(() =>
    {
        using var stream = typeof(GraphQLIdePage).Assembly.GetManifestResourceStream("Chat.Gateway.GraphQLIde.html")
            ?? throw new InvalidOperationException("The GraphQL IDE page is not embedded in the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/html; charset=utf-8";
        // The page's inline script and style are the only code it may run.
        context.Response.Headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'";
        await context.Response.Body.WriteAsync(Page.Value, context.RequestAborted);
    }
}
