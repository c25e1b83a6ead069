using Chat.Contracts.Events;

namespace Chat.Tests.Notifications.Support;

/// <summary>The events the Notifications service consumes, as their producers would shape them.</summary>
public static class NotificationEvents
{
    public static MessageCreated Message(Guid conversationId, Guid senderId, IReadOnlyList<Guid> participants, string content = "hello") =>
        new(Guid.NewGuid(), conversationId, senderId, participants, content, null, DateTimeOffset.UtcNow);

    public static ConversationChanged Conversation(Guid conversationId, IReadOnlyList<Guid> participants,
        ConversationChangeKind change = ConversationChangeKind.Created) =>
        new(conversationId, change, participants.Count > 2, null, participants, participants[0], null);

    public static PresenceUpdated Presence(Guid userId, PresenceStatus status, PresenceStatus? previous) =>
        new(userId, status, previous, DateTimeOffset.UtcNow);

    public static UserRegistered Registered(Guid userId, string username) => new(userId, username, DateTimeOffset.UtcNow);

    public static Guid[] Users(int count) => [.. Enumerable.Range(0, count).Select(_ => Guid.NewGuid())];
}
