using System.Collections.Concurrent;
using System.Net;
using Chat.Contracts;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema.NewtonsoftJson.Generation;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// Confluent's JSON Schema serdes (wire format: magic byte, schema id, UTF-8 JSON) against a Confluent-compatible
/// registry. Payloads travel as <see cref="JToken"/>s so the JSON our contracts produce with System.Text.Json is
/// sent byte-for-byte as written, while Confluent's serializer still frames and validates it.
/// </summary>
public sealed class SchemaRegistryEventSerializer(ISchemaRegistryClient registry, IOptions<SchemaOptions> options)
    : IEventPayloadSerializer
{
    // Dates and numbers stay as written: Newtonsoft would otherwise turn ISO strings into DateTime and re-format them.
    private static readonly NewtonsoftJsonSchemaGeneratorSettings JsonSettings = new()
    {
        SerializerSettings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        },
    };

    private readonly ConcurrentDictionary<string, JsonSerializer<JToken>> _serializers = new();
    private readonly ConcurrentDictionary<string, JsonDeserializer<JToken>> _deserializers = new();

    public async Task<byte[]> SerializeAsync(EventDescriptor descriptor, string payloadJson, CancellationToken cancellationToken)
    {
        var serializer = _serializers.GetOrAdd(descriptor.Topic, _ => CreateSerializer(descriptor));
        try
        {
            var payload = Parse(payloadJson);
            var context = new SerializationContext(MessageComponentType.Value, descriptor.Topic);
            return await serializer.SerializeAsync(payload, context).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonReaderException)
        {
            throw new EventSchemaViolationException(descriptor.EventType.Name, descriptor.Topic, exception.Message, exception);
        }
        catch (SchemaRegistryException exception) when (exception.Status == HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException(
                $"No schema is registered for topic '{descriptor.Topic}' (event '{descriptor.EventType.Name}'). Register the contract's " +
                $"schema, or set '{SchemaOptions.Section}:AutoRegister=true' where producers may register it.", exception);
        }
    }

    public async Task<string> DeserializeAsync(
        EventDescriptor descriptor, ReadOnlyMemory<byte> data, Headers headers, CancellationToken cancellationToken)
    {
        var deserializer = _deserializers.GetOrAdd(descriptor.Topic, _ => new JsonDeserializer<JToken>(
            registry, new Schema(descriptor.CurrentSchema, SchemaType.Json), config: null, JsonSettings));
        var topic = descriptor.Topic;
        try
        {
            var context = new SerializationContext(MessageComponentType.Value, topic, headers);
            var payload = await deserializer.DeserializeAsync(data, isNull: data.IsEmpty, context).WaitAsync(cancellationToken);
            return payload?.ToString(Formatting.None)
                ?? throw new PoisonMessageException($"Message on '{topic}' has no value (tombstone), expected event '{descriptor.EventType.Name}'");
        }
        catch (Exception exception) when (exception is InvalidDataException or JsonException)
        {
            throw new PoisonMessageException($"Message on '{topic}' is not a valid '{descriptor.EventType.Name}': {exception.Message}", exception);
        }
        catch (SchemaRegistryException exception) when ((int)exception.Status is >= 400 and < 500)
        {
            throw new PoisonMessageException($"Message on '{topic}' refers to a schema the registry does not know: {exception.Message}", exception);
        }
    }

    private JsonSerializer<JToken> CreateSerializer(EventDescriptor descriptor)
    {
        var config = new JsonSerializerConfig { AutoRegisterSchemas = options.Value.AutoRegister };
        if (!options.Value.AutoRegister)
        {
            // Without auto-registration the registered latest version is authoritative. Strict compatibility checking
            // would ask the registry on every message (that call is not cached), so it is left to the registry itself.
            config.UseLatestVersion = true;
            config.LatestCompatibilityStrict = false;
        }
        return new JsonSerializer<JToken>(registry, new Schema(descriptor.CurrentSchema, SchemaType.Json), config, JsonSettings);
    }

    private static JToken Parse(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }
}
