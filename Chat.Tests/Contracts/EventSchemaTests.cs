using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.Contracts.Events;
using NJsonSchema;

namespace Chat.Tests.Contracts;

/// <summary>Events as System.Text.Json writes them validate against their schemas (NJsonSchema, as Confluent's serdes use).</summary>
public sealed class EventSchemaTests
{
    [Theory]
    [MemberData(nameof(SampleEvents.Names), MemberType = typeof(SampleEvents))]
    public async Task Serialize_EveryEvent_ValidatesAgainstItsCurrentSchema(string name)
    {
        var integrationEvent = SampleEvents.ByName(name);
        var schema = await JsonSchema.FromJsonAsync(EventCatalog.For(integrationEvent.GetType()).CurrentSchema, TestContext.Current.CancellationToken);

        var errors = schema.Validate(EventJson.Serialize(integrationEvent));

        Assert.Empty(errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Serialize_UsesCamelCaseAndWireEnumNames()
    {
        var json = JsonNode.Parse(EventJson.Serialize(new PresenceUpdated(Guid.NewGuid(), PresenceStatus.Busy, PresenceStatus.Online, DateTimeOffset.UtcNow)))!;

        Assert.Equal("BUSY", json["status"]!.GetValue<string>());
        Assert.Equal("ONLINE", json["previousStatus"]!.GetValue<string>());
        Assert.NotNull(json["eventId"]);
        Assert.NotNull(json["occurredAt"]);
        Assert.Equal(2, json["schemaVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Validate_WhenAPropertyIsNotInTheSchema_Fails()
    {
        // The schemas are closed: this is what keeps an email from slipping into user.registered.
        var schema = await JsonSchema.FromJsonAsync(EventCatalog.For<UserRegistered>().CurrentSchema, TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(EventJson.Serialize(new UserRegistered(Guid.NewGuid(), "alice", DateTimeOffset.UtcNow)))!;
        json["email"] = "alice@example.com";

        var errors = schema.Validate(json.ToJsonString());

        Assert.Contains(errors, error => error.Property == "email");
    }

    [Fact]
    public async Task Validate_WhenARequiredPropertyIsMissingOrMistyped_Fails()
    {
        var schema = await JsonSchema.FromJsonAsync(EventCatalog.For<MessageCreated>().CurrentSchema, TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(EventJson.Serialize(SampleEvents.All.OfType<MessageCreated>().First()))!;
        json.AsObject().Remove("content");
        json["senderId"] = "not-a-uuid";

        var errors = schema.Validate(json.ToJsonString());

        Assert.Contains(errors, error => error.Property == "content");
        Assert.Contains(errors, error => error.Property == "senderId");
    }

    [Fact]
    public async Task Validate_WhenPayloadWasWrittenWithVersion1_StillValidatesAgainstVersion2()
    {
        var versions = EventCatalog.For<MessageCreated>().SchemaVersions;
        var v1 = await JsonSchema.FromJsonAsync(versions[0], TestContext.Current.CancellationToken);
        var v2 = await JsonSchema.FromJsonAsync(versions[1], TestContext.Current.CancellationToken);
        var json = EventJson.Serialize(SampleEvents.All.OfType<MessageCreated>().Single(message => message.ClientMessageId is null) with { SchemaVersion = 1 });

        Assert.Empty(v1.Validate(json));
        Assert.Empty(v2.Validate(json));
    }
}
