using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chat.ServiceDefaults.Authentication;

/// <summary>
/// Reads Auth's <c>/.well-known/jwks.json</c> into the configuration object JwtBearer consumes, so IdentityModel's
/// <see cref="ConfigurationManager{T}"/> does the caching, the refresh on unknown key ids and its rate limiting.
/// Auth publishes no OpenID discovery document, only the key set.
/// </summary>
public sealed class JwksConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    private volatile bool hasKeys;

    /// <summary>Whether a key set with at least one key was ever fetched; false means tokens cannot be judged yet.</summary>
    public bool HasKeys => hasKeys;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(
        string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        var json = await retriever.GetDocumentAsync(address, cancel);
        var keySet = new JsonWebKeySet(json);
        var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = keySet };
        foreach (var key in keySet.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }

        hasKeys |= configuration.SigningKeys.Count > 0;
        return configuration;
    }
}
