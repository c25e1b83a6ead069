namespace Chat.ServiceDefaults.Eventing.Consumers;

/// <summary>One consumer group of a service: its handlers by topic, and the DbContext holding its inbox (if any).</summary>
public sealed class EventConsumerDefinition(string groupId)
{
    public string GroupId { get; } = groupId;

    public Dictionary<string, EventHandlerRegistration> HandlersByTopic { get; } = new(StringComparer.Ordinal);

    /// <summary>DbContext type whose model calls <c>modelBuilder.AddInbox()</c>; null = handlers are idempotent on their own.</summary>
    public Type? InboxContext { get; set; }
}
