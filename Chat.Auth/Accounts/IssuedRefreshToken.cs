using Chat.Auth.Domain;

namespace Chat.Auth.Accounts;

/// <summary>A new refresh token: the value handed to the client once, and the row that stores only its hash.</summary>
public sealed record IssuedRefreshToken(string Value, RefreshToken Row);
