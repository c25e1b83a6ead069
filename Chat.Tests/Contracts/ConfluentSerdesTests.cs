using System.Text;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.Tests.SchemaRegistry;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NJsonSchema.NewtonsoftJson.Generation;

using Chat.Tests.Infrastructure;

namespace Chat.Tests.Contracts;

/// <summary>
/// The contracts through Confluent's JSON serdes, which serialize with Newtonsoft.Json: with camelCase and string
/// enums configured, their payloads match our schemas and read back with System.Text.Json (and vice versa).
/// </summary>
public sealed class ConfluentSerdesTests
{
    private static readonly NewtonsoftJsonSchemaGeneratorSettings NewtonsoftSettings = new()
    {
        SerializerSettings = new JsonSerializerSettings
        {
            ContractResolver = new CamelCasePropertyNamesContractResolver(),
            Converters = { new StringEnumConverter() },
            NullValueHandling = NullValueHandling.Ignore,
        },
    };

    [Fact]
    public async Task JsonSerdes_WithTheCatalogSchema_RoundTripAndMatchEventJson()
    {
        await using var server = RegistryServer.Start();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = server.Url });
        var descriptor = EventCatalog.For<PresenceUpdated>();
        var serializer = new JsonSerializer<PresenceUpdated>(client, new Schema(descriptor.CurrentSchema, SchemaType.Json), null, NewtonsoftSettings);
        var deserializer = new JsonDeserializer<PresenceUpdated>(client, null, NewtonsoftSettings);
        var context = new SerializationContext(MessageComponentType.Value, descriptor.Topic);
        var presence = new PresenceUpdated(Guid.NewGuid(), PresenceStatus.Busy, PresenceStatus.Online, DateTimeOffset.UtcNow);

        var bytes = await serializer.SerializeAsync(presence, context);
        var viaConfluent = await deserializer.DeserializeAsync(bytes, isNull: false, context);
        var viaEventJson = (PresenceUpdated)EventJson.Deserialize(descriptor.Topic, bytes.AsSpan(5));

        Assert.Equal(presence, viaConfluent);
        Assert.Equal(presence, viaEventJson);
        Assert.Contains("\"status\":\"BUSY\"", Encoding.UTF8.GetString(bytes, 5, bytes.Length - 5));
    }
}
