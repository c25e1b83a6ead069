using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chat.Contracts;

/// <summary>The JSON form of events on the wire (camelCase, enums as strings, nulls omitted), matching their schemas.</summary>
public static class EventJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static byte[] SerializeToUtf8Bytes(IntegrationEvent integrationEvent) =>
        JsonSerializer.SerializeToUtf8Bytes(integrationEvent, integrationEvent.GetType(), Options);

    public static string Serialize(IntegrationEvent integrationEvent) =>
        JsonSerializer.Serialize(integrationEvent, integrationEvent.GetType(), Options);

    /// <summary>Reads a payload of a topic as that topic's event type.</summary>
    public static IntegrationEvent Deserialize(string topic, ReadOnlySpan<byte> utf8Json) =>
        (IntegrationEvent)(JsonSerializer.Deserialize(utf8Json, EventCatalog.ForTopic(topic).EventType, Options)
                           ?? throw new JsonException($"A null payload on topic '{topic}'."));
}
