namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>The visible effect of handling one MessageCreated event.</summary>
public sealed class HandledMessage
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public Guid ConversationId { get; set; }
    public required string Content { get; set; }

    /// <summary>The database transaction that handled it: events handled in one batch share it.</summary>
    public long TransactionId { get; set; }
}
