namespace Chat.Contracts;

/// <summary>The event topics of SPEC §5, with their partition counts, in one place.</summary>
public static class Topics
{
    public const string MessageCreated = "message.created";
    public const string MessageUpdated = "message.updated";
    public const string MessageDeleted = "message.deleted";
    public const string MessageReacted = "message.reacted";
    public const string ConversationChanged = "conversation.changed";
    public const string PresenceUpdated = "presence.updated";
    public const string UserRegistered = "user.registered";
    public const string NotificationCreated = "notification.created";

    /// <summary>Suffix of the dead-letter topic a consumer parks a poison message on.</summary>
    public const string DeadLetterSuffix = ".dlq";

    public static IReadOnlyList<TopicSpec> All { get; } =
    [
        new(MessageCreated, Partitions: 3),
        new(MessageUpdated, Partitions: 3),
        new(MessageDeleted, Partitions: 1),
        new(MessageReacted, Partitions: 3),
        new(ConversationChanged, Partitions: 1),
        new(PresenceUpdated, Partitions: 1),
        new(UserRegistered, Partitions: 1),
        new(NotificationCreated, Partitions: 1),
    ];

    /// <summary>Every topic and its dead-letter topic: what a cluster must hold before services start.</summary>
    public static IEnumerable<TopicSpec> AllWithDeadLetters =>
        All.SelectMany(topic => new[] { topic, new TopicSpec(topic.Name + DeadLetterSuffix, Partitions: 1) });
}
