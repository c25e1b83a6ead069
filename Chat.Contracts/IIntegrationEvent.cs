namespace Chat.Contracts;

/// <summary>What every integration event carries, whatever its topic.</summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers deduplicate on it (at-least-once delivery).</summary>
    Guid EventId { get; }

    DateTimeOffset OccurredAt { get; }

    /// <summary>The version of the event's JSON Schema the payload was written with (see <see cref="EventCatalog"/>).</summary>
    int SchemaVersion { get; }
}
