namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// Everything the backbone needs to know about one integration event type: where it goes, how it is keyed,
/// and the JSON Schema its payload must satisfy (the contract's own schema, never one generated from the CLR type).
/// </summary>
/// <param name="ClrType">The event record type.</param>
/// <param name="EventType">Stable name carried in the <c>event-type</c> header and the outbox.</param>
/// <param name="Topic">Kafka topic the event is published to.</param>
/// <param name="JsonSchema">The JSON Schema document of the payload.</param>
/// <param name="KeySelector">The partition key (conversationId, userId, ...) as a string: per-key order holds.</param>
/// <param name="EventIdSelector">The event's unique id, the idempotency key of consumers.</param>
public sealed record EventDescriptor(
    Type ClrType,
    string EventType,
    string Topic,
    string JsonSchema,
    Func<object, string> KeySelector,
    Func<object, Guid> EventIdSelector);
