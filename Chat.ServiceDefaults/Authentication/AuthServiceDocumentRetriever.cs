using System.Net.Http;
using Microsoft.IdentityModel.Protocols;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>
/// Fetches documents (the JWKS) with the named client <see cref="HttpClientName"/>: service discovery resolves
/// <c>http://auth</c>, and the tuned resilience handler bounds how long a dead Auth service can stall a request.
/// </summary>
public sealed class AuthServiceDocumentRetriever(IHttpClientFactory httpClientFactory) : IDocumentRetriever
{
    public const string HttpClientName = "auth-jwks";

    public async Task<string> GetDocumentAsync(string address, CancellationToken cancel)
    {
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.GetAsync(address, cancel);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancel);
    }
}
