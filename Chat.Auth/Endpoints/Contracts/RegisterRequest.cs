namespace Chat.Auth.Endpoints.Contracts;

/// <summary>Body of <c>POST /auth/register</c>. Nullable so that missing fields become validation errors, not 500s.</summary>
public sealed record RegisterRequest(string? Email, string? Username, string? Password);
