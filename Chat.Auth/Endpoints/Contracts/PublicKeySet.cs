namespace Chat.Auth.Endpoints.Contracts;

/// <summary>RFC 7517 key set of public signing keys.</summary>
public sealed record PublicKeySet(IReadOnlyList<PublicJsonWebKey> Keys);
