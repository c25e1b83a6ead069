namespace Chat.Contracts;

/// <summary>
/// Base of every event record. New events get a fresh id, the current time and the current schema version of their
/// type from <see cref="EventCatalog"/>; a deserialized payload keeps the values it was written with.
/// </summary>
public abstract record IntegrationEvent : IIntegrationEvent
{
    protected IntegrationEvent() => SchemaVersion = EventCatalog.For(GetType()).CurrentVersion;

    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    public int SchemaVersion { get; init; }
}
