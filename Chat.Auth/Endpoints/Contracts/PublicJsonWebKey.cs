using System.Text.Json.Serialization;

namespace Chat.Auth.Endpoints.Contracts;

/// <summary>Public part of an EC P-256 signing key (RFC 7518 §6.2.1): never the private <c>d</c>.</summary>
public sealed record PublicJsonWebKey(
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] string Y)
{
    [JsonPropertyName("kty")]
    public string Kty => "EC";

    [JsonPropertyName("crv")]
    public string Crv => "P-256";

    [JsonPropertyName("use")]
    public string Use => "sig";

    [JsonPropertyName("alg")]
    public string Alg => "ES256";
}
