namespace Chat.Auth.Endpoints.Contracts;

public sealed record LoginRequest(string? Email, string? Password);
