using System.Buffers.Binary;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.ServiceDefaults;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Confluent.Kafka;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Every messaging state change reaches its Kafka topic, in Confluent's wire format (magic byte 0, 4-byte
/// big-endian schema id, JSON) with the id the schema registry holds for the topic's subject.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class MessagingEventsTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task StateChanges_LandOnTheirTopics_FramedWithTheRegistrysSchemaId()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var carol = await ChatUser.RegisterAsync(_client, "carol");
        var group = (await alice.CreateConversationAsync([bob], title: "events"))["id"]!.GetValue<string>();
        (await alice.SendAsync("mutation($c: ID!, $u: ID!) { addParticipant(conversationId: $c, userId: $u) { id } }", new { c = group, u = carol.Id })).EnsureNoErrors();
        var messageId = (await alice.SendMessageAsync(group, "event me", "cmid-" + group))["id"]!.GetValue<string>();
        (await alice.SendAsync("mutation($id: ID!) { editMessage(id: $id, content: \"edited\") { id } }", new { id = messageId })).EnsureNoErrors();
        (await bob.SendAsync("mutation($id: ID!) { markMessageRead(id: $id) { unreadCount } }", new { id = messageId })).EnsureNoErrors();
        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = messageId })).EnsureNoErrors();

        var created = await EventAsync(Topics.MessageCreated, group, e => e["messageId"]!.GetValue<string>() == messageId);
        var edited = await EventAsync(Topics.MessageUpdated, group, e => e["kind"]!.GetValue<string>() == "Edited");
        var read = await EventAsync(Topics.MessageUpdated, group, e => e["kind"]!.GetValue<string>() == "Read");
        var deleted = await EventAsync(Topics.MessageDeleted, group, e => e["messageId"]!.GetValue<string>() == messageId);
        var memberAdded = await EventAsync(Topics.ConversationChanged, group, e => e["change"]!.GetValue<string>() == "MemberAdded");

        Assert.Equal(await LatestSchemaIdAsync(Topics.MessageCreated), created.SchemaId);
        Assert.Equal(await LatestSchemaIdAsync(Topics.MessageUpdated), edited.SchemaId);
        Assert.Equal(await LatestSchemaIdAsync(Topics.MessageDeleted), deleted.SchemaId);
        Assert.Equal(await LatestSchemaIdAsync(Topics.ConversationChanged), memberAdded.SchemaId);
        Assert.Equal("event me", created.Payload["content"]!.GetValue<string>());
        Assert.Equal("cmid-" + group, created.Payload["clientMessageId"]!.GetValue<string>());
        Assert.Equal(3, created.Payload["participantIds"]!.AsArray().Count);
        Assert.Equal("edited", edited.Payload["content"]!.GetValue<string>());
        Assert.Equal(bob.Id.ToString(), read.Payload["readerId"]!.GetValue<string>());
        Assert.Equal(alice.Id.ToString(), deleted.Payload["deletedBy"]!.GetValue<string>());
        Assert.Equal(carol.Id.ToString(), memberAdded.Payload["affectedUserId"]!.GetValue<string>());
        Assert.Equal(3, memberAdded.Payload["participantIds"]!.AsArray().Count);
    }

    private async Task<FramedEvent> EventAsync(string topic, string conversationId, Func<JsonNode, bool> match)
    {
        var records = await TopicReader.ReadUntilAsync(
            fixture.ConnectionStringOf(ResourceNames.Kafka), topic,
            read => read.Any(r => r.Message.Key == conversationId && match(Decode(r).Payload)),
            TimeSpan.FromSeconds(30));
        return Decode(records.Last(r => r.Message.Key == conversationId && match(Decode(r).Payload)));
    }

    private static FramedEvent Decode(ConsumeResult<string?, byte[]?> record)
    {
        var value = record.Message.Value!;
        Assert.Equal(0, value[0]);
        return new FramedEvent(BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(1, 4)), JsonNode.Parse(Encoding.UTF8.GetString(value, 5, value.Length - 5))!);
    }

    private async Task<int> LatestSchemaIdAsync(string topic)
    {
        using var registry = new HttpClient { BaseAddress = new Uri(fixture.ConnectionStringOf(ResourceNames.SchemaRegistry)) };
        var latest = await registry.GetFromJsonAsync<JsonObject>($"/subjects/{topic}-value/versions/latest");
        return latest!["id"]!.GetValue<int>();
    }

    private sealed record FramedEvent(int SchemaId, JsonNode Payload);

    public void Dispose() => _client.Dispose();
}
