using System.Collections.Concurrent;
using Chat.Contracts;
using NJsonSchema;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// Checks a payload against its contract's JSON Schema locally, so an invalid event fails the business transaction
/// that raised it instead of becoming an outbox row that can never be sent.
/// </summary>
public sealed class EventSchemaValidator
{
    private readonly ConcurrentDictionary<string, Lazy<JsonSchema>> _schemas = new();

    /// <exception cref="EventSchemaViolationException">The payload does not satisfy the schema.</exception>
    public void Validate(EventDescriptor descriptor, string payloadJson)
    {
        var schema = _schemas.GetOrAdd(descriptor.Topic, _ => new Lazy<JsonSchema>(() => Parse(descriptor))).Value;
        var errors = schema.Validate(payloadJson);
        if (errors.Count > 0)
        {
            var detail = string.Join("; ", errors.Select(error => $"{error.Path}: {error.Kind}"));
            throw new EventSchemaViolationException(descriptor.EventType.Name, descriptor.Topic, detail);
        }
    }

    // A contract schema is self-contained (no external references), so parsing does no I/O; NJsonSchema only
    // offers an async signature. It runs once per event type.
    private static JsonSchema Parse(EventDescriptor descriptor) =>
        JsonSchema.FromJsonAsync(descriptor.CurrentSchema).GetAwaiter().GetResult();
}
