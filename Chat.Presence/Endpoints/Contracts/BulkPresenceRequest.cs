namespace Chat.Presence.Endpoints.Contracts;

/// <summary>Body of <c>POST /presence/bulk</c>: up to 500 user ids.</summary>
public sealed record BulkPresenceRequest(IReadOnlyList<Guid>? UserIds);
