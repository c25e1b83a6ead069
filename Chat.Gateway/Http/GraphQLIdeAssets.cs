using System.IO.Compression;
using System.Security.Cryptography;

namespace Chat.Gateway.Http;

/// <summary>
/// The GraphiQL bundle the build embeds (see Chat.Gateway.csproj: BuildGraphiQL, EmbedGraphiQL): <c>ide.js</c>,
/// <c>ide.css</c> and the page linking them. Read and compressed once, on the first request for the IDE.
/// </summary>
public static class GraphQLIdeAssets
{
    private static readonly Lazy<IReadOnlyDictionary<string, GraphQLIdeAsset>> Assets = new(() =>
        new Dictionary<string, GraphQLIdeAsset>(StringComparer.Ordinal)
        {
            ["ide.js"] = Load("ide.js", "text/javascript; charset=utf-8"),
            ["ide.css"] = Load("ide.css", "text/css; charset=utf-8"),
        });

    private static readonly Lazy<string> PageTemplate = new(() => System.Text.Encoding.UTF8.GetString(Read("index.html")));

    public static GraphQLIdeAsset? Find(string name) => Assets.Value.GetValueOrDefault(name);

    /// <summary>index.html with its <c>{{ide.js}}</c> and <c>{{ide.css}}</c> placeholders replaced by versioned URLs.</summary>
    public static string Page(string assetPathPrefix) => Assets.Value.Values.Aggregate(PageTemplate.Value, (page, asset) =>
        page.Replace("{{" + asset.Name + "}}", $"{assetPathPrefix}/{asset.Name}?v={asset.Version}", StringComparison.Ordinal));

    private static GraphQLIdeAsset Load(string name, string contentType)
    {
        var content = Read(name);
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }
        var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return new GraphQLIdeAsset(name, contentType, content, gzipped.ToArray(), version);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(GraphQLIdeAssets).Assembly.GetManifestResourceStream("GraphiQL/" + name)
            ?? throw new InvalidOperationException($"GraphiQL/{name} is not embedded in the gateway assembly (see the EmbedGraphiQL target).");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
