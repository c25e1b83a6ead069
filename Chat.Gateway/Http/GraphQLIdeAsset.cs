namespace Chat.Gateway.Http;

/// <summary>One file of the bundled GraphiQL IDE, as embedded in the assembly, with its gzip form.</summary>
/// <param name="Version">A hash of the content: part of the URL the page links, so a cached copy never outlives a release.</param>
public sealed record GraphQLIdeAsset(string Name, string ContentType, byte[] Content, byte[] Gzipped, string Version);
