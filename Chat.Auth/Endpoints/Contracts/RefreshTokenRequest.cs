namespace Chat.Auth.Endpoints.Contracts;

/// <summary>Body of <c>POST /auth/refresh</c> and <c>POST /auth/logout</c>.</summary>
public sealed record RefreshTokenRequest(string? RefreshToken);
