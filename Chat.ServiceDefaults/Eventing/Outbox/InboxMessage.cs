namespace Chat.ServiceDefaults.Eventing.Outbox;

/// <summary>An event a consumer has handled, written in the handler's own transaction: a redelivery is skipped.</summary>
public sealed class InboxMessage
{
    public Guid EventId { get; set; }

    /// <summary>Consumer group (and so the handling service) that processed the event.</summary>
    public required string Consumer { get; set; }

    public DateTimeOffset ProcessedAt { get; set; }
}
