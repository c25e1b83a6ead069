using GraphQL;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A user as other users see them in a conversation: no email.</summary>
public sealed class Participant
{
    [Id]
    public Guid Id { get; init; }

    public required string Username { get; init; }
}
