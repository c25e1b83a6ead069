using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Npgsql;
using StackExchange.Redis;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Deleting a message through the gateway takes its text out of the recipients' notifications: what the gateway
/// answers, the Notifications database and the Redis list <c>notifications:{userId}</c>.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class DeletedMessageNotificationsTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Notifications = "{ notifications(first: 20) { nodes { message data { messageId } } } }";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task DeleteMessage_RemovesItsTextFromTheRecipientsNotifications_StoredAndCached()
    {
        // Arrange: bob was notified of alice's message and read his notifications (his cached list quotes it).
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var conversation = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        var secret = "meet me behind the station " + Guid.NewGuid().ToString("N")[..8];
        var messageId = (await alice.SendMessageAsync(conversation, secret))["id"]!.GetValue<string>();
        await Eventually.ReturnsAsync(() => MessagesOfNotificationsAsync(bob, messageId), texts => texts.Contains(secret), Timeout,
            "bob's notification quoting the message");

        // Act
        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = messageId })).EnsureNoErrors();

        // Assert
        var texts = await Eventually.ReturnsAsync(() => MessagesOfNotificationsAsync(bob, messageId),
            found => found.Count == 1 && !found.Contains(secret), Timeout, "bob's notification without the text");
        Assert.Equal(["This message was deleted."], texts);
        Assert.Equal(0L, await StoredRowsQuotingAsync(secret));
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));
        var cached = await redis.GetDatabase().ListRangeAsync($"notifications:{bob.Id}");
        Assert.DoesNotContain(cached, entry => ((string)entry!).Contains(secret, StringComparison.Ordinal));
    }

    private async Task<List<string>> MessagesOfNotificationsAsync(ChatUser user, string messageId)
    {
        var nodes = (await user.SendAsync(Notifications)).EnsureNoErrors().Data!["notifications"]!["nodes"]!.AsArray();
        return [.. nodes.Where(n => n!["data"]!["messageId"]?.GetValue<string>() == messageId).Select(n => n!["message"]!.GetValue<string>())];
    }

    private async Task<long> StoredRowsQuotingAsync(string text)
    {
        await using var db = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.NotificationDb));
        await db.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM notifications WHERE message LIKE '%' || @text || '%'", db);
        count.Parameters.AddWithValue("text", text);
        return (long)(await count.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public void Dispose() => _client.Dispose();
}
