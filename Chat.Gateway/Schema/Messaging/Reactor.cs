using Chat.Gateway.Services.Auth;
using GraphQL;
using GraphQL.DataLoader;

namespace Chat.Gateway.Schema.Messaging;

/// <summary>A member who reacted to a message with an emoji.</summary>
public sealed class Reactor
{
    [Id]
    public Guid UserId { get; init; }

    public required string Emoji { get; init; }

    public DateTimeOffset ReactedAt { get; init; }

    [Ignore]
    public string Cursor { get; init; } = "";

    public IDataLoaderResult<Participant?> User([FromServices] UserDirectory users) => users.Load(UserId);
}
