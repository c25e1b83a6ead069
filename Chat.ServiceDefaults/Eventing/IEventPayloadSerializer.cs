using Chat.Contracts;
using Confluent.Kafka;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>Turns an event's JSON payload into the bytes on the wire and back, validating both ways.</summary>
public interface IEventPayloadSerializer
{
    /// <summary>Framed, schema-validated bytes; throws <see cref="EventSchemaViolationException"/> for an invalid payload.</summary>
    Task<byte[]> SerializeAsync(EventDescriptor descriptor, string payloadJson, CancellationToken cancellationToken);

    /// <summary>The validated JSON payload; throws <see cref="PoisonMessageException"/> for bytes that can never be read.</summary>
    Task<string> DeserializeAsync(EventDescriptor descriptor, ReadOnlyMemory<byte> data, Headers headers, CancellationToken cancellationToken);
}
