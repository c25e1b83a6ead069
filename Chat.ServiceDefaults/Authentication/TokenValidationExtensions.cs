using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Authentication;
using Chat.ServiceDefaults.Startup;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Microsoft.Extensions.Hosting;

public static class TokenValidationExtensions
{
    /// <summary>
    /// Validates bearer access tokens locally against the Auth service's published keys (JWKS at
    /// <c>http://auth/.well-known/jwks.json</c>, resolved by service discovery), cached and refetched on an unknown
    /// key id — never a call to Auth per request. Every service that accepts user requests uses it; none trusts
    /// a user id header.
    /// </summary>
    public static IHostApplicationBuilder AddAuthServiceTokenValidation(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<JwtValidationOptions>().BindConfiguration(JwtValidationOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        // A dead Auth must fail a key download fast, not after the default resilience's 30 s.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(AuthServiceDocumentRetriever.HttpClientName)
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(2);
                options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(2.5);
                // The breaker's sampling window must be at least twice the attempt timeout.
                options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(10);
                options.Retry.MaxRetryAttempts = 1;
                options.Retry.Delay = TimeSpan.FromMilliseconds(100);
            });
#pragma warning restore EXTEXP0001

        services.AddSingleton<JwksConfigurationRetriever>();
        services.AddSingleton<IConfigurationManager<OpenIdConnectConfiguration>>(provider =>
        {
            var jwt = provider.GetRequiredService<IOptions<JwtValidationOptions>>().Value;
            return new ConfigurationManager<OpenIdConnectConfiguration>(
                jwt.JwksUrl,
                provider.GetRequiredService<JwksConfigurationRetriever>(),
                new AuthServiceDocumentRetriever(provider.GetRequiredService<IHttpClientFactory>()))
            {
                RefreshInterval = jwt.KeyRefetchMinInterval,
                AutomaticRefreshInterval = jwt.KeyRefreshInterval,
            };
        });
        // The first request must not wait for the key download: the service is ready once it has the keys.
        services.AddWarmUp("signing keys", (provider, cancellationToken) =>
            provider.GetRequiredService<IConfigurationManager<OpenIdConnectConfiguration>>().GetConfigurationAsync(cancellationToken));
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearerOptions>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddAuthorization();
        return builder;
    }
}
