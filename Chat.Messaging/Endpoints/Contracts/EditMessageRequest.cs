namespace Chat.Messaging.Endpoints.Contracts;

public sealed record EditMessageRequest(string? Content);
