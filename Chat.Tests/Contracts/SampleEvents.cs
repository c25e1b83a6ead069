using Chat.Contracts;
using Chat.Contracts.Events;

namespace Chat.Tests.Contracts;

/// <summary>One filled-in instance of every event, and variants with the optional fields left out.</summary>
public static class SampleEvents
{
    private static readonly Guid Alice = Guid.NewGuid();
    private static readonly Guid Bob = Guid.NewGuid();
    private static readonly Guid Conversation = Guid.NewGuid();
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    public static IReadOnlyList<IntegrationEvent> All { get; } =
    [
        new MessageCreated(Guid.NewGuid(), Conversation, Alice, [Alice, Bob], "hello", "client-1", Now),
        new MessageCreated(Guid.NewGuid(), Conversation, Alice, [Alice, Bob], "hello", null, Now),
        new MessageCreated(Guid.NewGuid(), Conversation, Alice, [Alice, Bob], "hello", "client-2", Now, 7),
        new MessageCreated(Guid.NewGuid(), Conversation, Alice, [Alice, Bob], "@bob see thread", "client-3", Now, 8, Guid.NewGuid(), [Bob], [Bob], [Bob]),
        new MessageReacted(Guid.NewGuid(), Conversation, Bob, "👍", true, [new ReactionCount("👍", 2), new ReactionCount("❤️", 1)], 7, 5),
        new MessageReacted(Guid.NewGuid(), Conversation, Bob, "👍", false, []),
        new MessageUpdated(Guid.NewGuid(), Conversation, MessageUpdateKind.Edited, "hello again", Now, null, null),
        new MessageUpdated(Guid.NewGuid(), Conversation, MessageUpdateKind.Read, null, null, Bob, Now),
        new MessageUpdated(Guid.NewGuid(), Conversation, MessageUpdateKind.Edited, "hello again", Now, null, null, 7, 3),
        new MessageDeleted(Guid.NewGuid(), Conversation, Alice, Now),
        new MessageDeleted(Guid.NewGuid(), Conversation, Alice, Now, 7, 4),
        new ConversationChanged(Conversation, ConversationChangeKind.Created, true, "team", [Alice, Bob], Alice, null),
        new ConversationChanged(Conversation, ConversationChangeKind.MemberLeft, false, null, [Alice], Bob, Bob),
        new PresenceUpdated(Alice, PresenceStatus.Away, PresenceStatus.Online, Now),
        new PresenceUpdated(Alice, PresenceStatus.Online, null, Now),
        new UserRegistered(Alice, "alice", Now),
        new NotificationCreated(Guid.NewGuid(), Bob, "message", "New message", "Alice sent you a message", Now),
        new NotificationCreated(Guid.NewGuid(), Bob, "message", "New message", "Alice sent you a message", Now, 3),
    ];

    public static TheoryData<string> Names => [.. All.Select((integrationEvent, index) => $"{index}:{integrationEvent.GetType().Name}")];

    public static IntegrationEvent ByName(string name) => All[int.Parse(name[..name.IndexOf(':')], System.Globalization.CultureInfo.InvariantCulture)];
}
