namespace Chat.Auth.Endpoints.Contracts;

/// <summary>What the gateway's batch lookup needs of a user: no email.</summary>
public sealed record UserSummary(Guid Id, string Username);
