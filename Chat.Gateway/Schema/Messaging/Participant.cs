using Chat.Gateway.Schema.Types;
using Chat.Gateway.Services.Presence;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A user as other users see them in a conversation: no email.</summary>
public sealed class Participant
{
    [Id]
    public Guid Id { get; init; }

    public required string Username { get; init; }

    /// <summary>Every participant's presence in a request costs one bulk call to Presence together.</summary>
    [GraphQLMetadata(Description = "The participant's presence; all participants of a request are looked up in one batch.")]
    public IDataLoaderResult<UserPresence?> Presence([FromServices] PresenceLoader loader) => loader.Load(Id);
}
