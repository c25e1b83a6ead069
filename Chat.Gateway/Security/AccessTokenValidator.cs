using System.Security.Claims;
using Chat.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Gateway.Security;

/// <summary>
/// Validates a token that did not come in an Authorization header (the WebSocket <c>connection_init</c> payload)
/// exactly as HTTP requests are validated: the JwtBearer options ServiceDefaults configured, their cached key set
/// (refetched once on an unknown key id) and their validation parameters.
/// </summary>
public sealed class AccessTokenValidator(IOptionsMonitor<JwtBearerOptions> bearerOptions)
{
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var options = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        var keys = options.ConfigurationManager ?? throw new InvalidOperationException("JwtBearer has no configuration manager.");
        var validated = await ValidateWithKeysAsync(token, options, keys, cancellationToken);
        if (validated is { Result: { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException } })
        {
            keys.RequestRefresh();
            validated = await ValidateWithKeysAsync(token, options, keys, cancellationToken);
        }

        if (validated is not { } judged)
        {
            return AccessTokenValidation.SigningKeysUnavailable;
        }

        var (result, parameters) = judged;
        if (!result.IsValid)
        {
            return await TokenRejection.ClassifyAsync(token, result.Exception, parameters) == TokenRejection.Expired
                ? AccessTokenValidation.Expired
                : AccessTokenValidation.Invalid;
        }

        return Guid.TryParse(result.ClaimsIdentity.FindFirst("sub")?.Value, out var userId)
            ? new AccessTokenValidation(new ClaimsPrincipal(result.ClaimsIdentity), userId, result.SecurityToken.ValidTo)
            : AccessTokenValidation.Invalid;
    }

    /// <summary>Null when the keys cannot be fetched at all, so a token cannot be judged.</summary>
    private async Task<(TokenValidationResult Result, TokenValidationParameters Parameters)?> ValidateWithKeysAsync(
        string token, JwtBearerOptions options, IConfigurationManager<OpenIdConnectConfiguration> keys,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await keys.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var parameters = options.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = configuration.SigningKeys;
        parameters.AuthenticationType = JwtBearerDefaults.AuthenticationScheme;
        var result = await handler.ValidateTokenAsync(token, parameters);
        return result is { IsValid: false, Exception: SecurityTokenSignatureKeyNotFoundException } && configuration.SigningKeys.Count == 0
            ? null
            : (result, parameters);
    }
}
