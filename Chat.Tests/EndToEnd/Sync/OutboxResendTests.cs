using System.Text;
using Chat.Contracts;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;
using Npgsql;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// Exactly once to the client (issue 14). A crash between the outbox's Kafka produce and marking the row sent makes
/// the publisher send the row again, same eventId and positions: forced here by clearing the row's <c>sent_at</c>, so
/// the real publisher really puts the event on Kafka a second time. Every subscription still shows it once.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class OutboxResendTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    [Fact]
    public async Task AMessageCreatedSentTwiceByTheOutbox_ReachesEverySubscriptionOnce()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        var gateway2 = fixture.EndpointOf(ResourceNames.Gateway + "-2");
        await using var ofConversation = await GraphQLWsNodeSubscription.StartAsync(gateway2, bob.AccessToken,
            $"subscription {{ messageAdded(conversationId: \"{conversationId}\") {{ messageId seq }} }}", 180);
        await using var ofAll = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken,
            "subscription { messageAdded { messageId seq } }", 180);
        var subscriptions = new[] { ofConversation, ofAll };
        await LiveSubscriptions.ProveLiveAsync(alice, conversationId, subscriptions);

        var first = (await alice.SendMessageAsync(conversationId, "sent twice"))["id"]!.GetValue<string>();
        foreach (var subscription in subscriptions)
        {
            await subscription.NextDataAsync("messageAdded", m => m["messageId"]!.GetValue<string>() == first, Wait);
        }
        await SendAgainAsync(Topics.MessageCreated, first);
        var next = (await alice.SendMessageAsync(conversationId, "after the re-send"))["id"]!.GetValue<string>();

        // Rows of one key are shipped in id order: the repeat went out before the next message.
        foreach (var subscription in subscriptions)
        {
            var (data, _) = await subscription.NextDataAsync("messageAdded", _ => true, Wait);
            Assert.Equal(next, data["messageId"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task AnEditSentTwiceByTheOutbox_ReachesTheSubscriptionOnce()
    {
        var (alice, bob, conversationId) = await ConversationAsync();
        var message = (await alice.SendMessageAsync(conversationId, "original"))["id"]!.GetValue<string>();
        await using var updates = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, bob.AccessToken,
            "subscription($id: ID!, $after: String) { messageUpdated(conversationId: $id, after: $after) { kind messageId changeSeq content } }", 180,
            new { id = conversationId, after = "0" });

        await EditAsync(alice, message, "edit 1");
        await updates.NextDataAsync("messageUpdated", e => e["content"]?.GetValue<string>() == "edit 1", Wait);
        await SendAgainAsync(Topics.MessageUpdated, message);
        await EditAsync(alice, message, "edit 2");

        var (data, _) = await updates.NextDataAsync("messageUpdated", _ => true, Wait);
        Assert.Equal("edit 2", data["content"]!.GetValue<string>());
        Assert.Equal(2, data["changeSeq"]!.GetValue<long>());
    }

    /// <summary>
    /// Once the publisher has sent the message's (only) row on the topic, clears its sent_at, then waits until the
    /// publisher sent it again: the event is on Kafka twice.
    /// </summary>
    private async Task SendAgainAsync(string topic, string messageId)
    {
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.ChatDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await Eventually.ReturnsAsync(async () =>
        {
            await using var reset = new NpgsqlCommand(
                "UPDATE outbox_messages SET sent_at = NULL WHERE topic = @topic AND payload->>'messageId' = @id AND sent_at IS NOT NULL", db);
            reset.Parameters.AddWithValue("topic", topic);
            reset.Parameters.AddWithValue("id", messageId);
            return await reset.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }, cleared => cleared == 1, Wait, "the outbox row sent, then marked unsent");

        await TopicReader.ReadUntilAsync(fixture.ConnectionStringOf(ResourceNames.Kafka), topic,
            records => records.Count(r => r.Message.Value is { } value && Encoding.UTF8.GetString(value).Contains(messageId)) >= 2, Wait);
    }

    private static async Task EditAsync(ChatUser author, string messageId, string content) =>
        (await author.SendAsync("mutation($id: ID!, $content: String!) { editMessage(id: $id, content: $content) { id } }",
            new { id = messageId, content })).EnsureNoErrors();

    private async Task<(ChatUser Alice, ChatUser Bob, string ConversationId)> ConversationAsync()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        return (alice, bob, (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>());
    }

    public void Dispose() => _gateway.Dispose();
}
