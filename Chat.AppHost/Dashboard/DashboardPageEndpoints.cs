using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chat.AppHost.Dashboard;

/// <summary>
/// The page itself: plain HTML, CSS and JavaScript embedded in the AppHost assembly (no CDN: nothing outside
/// the machine may be reachable), served from memory wherever the AppHost runs.
/// </summary>
public static class DashboardPageEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Assets =
    [
        ("/", "Dashboard/index.html", "text/html; charset=utf-8"),
        ("/dashboard.css", "Dashboard/dashboard.css", "text/css; charset=utf-8"),
        ("/dashboard.js", "Dashboard/dashboard.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapDashboardPage(this IEndpointRouteBuilder endpoints)
    {
        foreach (var (path, resource, contentType) in Assets)
        {
            var content = Load(resource);
            endpoints.MapGet(path, () => TypedResults.Bytes(content, contentType));
        }
        return endpoints;
    }

    private static byte[] Load(string resource)
    {
        using var stream = typeof(DashboardPageEndpoints).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard asset '{resource}' is not embedded in the AppHost.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
