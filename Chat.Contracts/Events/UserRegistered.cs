namespace Chat.Contracts.Events;

/// <summary>
/// A user registered. Topic <c>user.registered</c>, key userId. Deliberately no email or other personal data: every
/// consumer would have to protect and erase it. The schema is closed so none can slip in.
/// </summary>
public sealed record UserRegistered(
    Guid UserId,
    string Username,
    DateTimeOffset RegisteredAt) : IntegrationEvent;
