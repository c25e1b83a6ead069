using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.Contracts.Events;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Notifications through the real gateway and the running Notifications service. Users come from the real Auth
/// (whose user.registered names the senders); message, conversation and presence events are published with the
/// real producer to the app's Kafka and registry, as Messaging and Presence publish them.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class NotificationsThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Register = "mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id username } } }";
    private const string Notifications = """
        query($first: Int, $after: String) {
          notifications(first: $first, after: $after) {
            nodes { id userId type title message read createdAt data { conversationId messageId senderId userId status } }
            pageInfo { hasNextPage endCursor }
            unreadCount
          }
        }
        """;
    private const string UnreadCount = "{ unreadNotificationCount }";
    private const string MarkRead = "mutation($id: ID!) { markNotificationRead(id: $id) { id read } }";
    private const string MarkAllRead = "mutation { markAllNotificationsRead }";
    private const string Delete = "mutation($id: ID!) { deleteNotification(id: $id) }";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);
    private readonly IHost _producerHost = BuildProducerHost(fixture);

    [Fact]
    public async Task AUserSeesTheirNotifications_MarksRead_ReadsAll_Deletes_AndCannotTouchAnotherUsers()
    {
        // Arrange: alice writes three messages to a group with bob and carol.
        var alice = await RegisterAsync("alice");
        var bob = await RegisterAsync("bob");
        var carol = await RegisterAsync("carol");
        await KnowUserAsync(alice);
        var conversation = Guid.NewGuid();
        Guid[] group = [alice.Id, bob.Id, carol.Id];
        var messages = new[] { "hello bob", "are you there?", "see you" }
            .Select(text => new MessageCreated(Guid.NewGuid(), conversation, alice.Id, group, text, null, DateTimeOffset.UtcNow)).ToList();
        foreach (var message in messages)
        {
            await PublishAsync(message);
        }

        // Act + Assert: bob sees three, newest first, paged.
        var all = await Eventually.ReturnsAsync(() => PageAsync(bob, 10), page => page["nodes"]!.AsArray().Count == 3, Timeout, "bob's notifications");
        Assert.Equal(["see you", "are you there?", "hello bob"], all["nodes"]!.AsArray().Select(n => n!["message"]!.GetValue<string>()));
        Assert.All(all["nodes"]!.AsArray(), node =>
        {
            Assert.Equal("NEW_MESSAGE", node!["type"]!.GetValue<string>());
            Assert.Equal($"New message from {alice.Username}", node["title"]!.GetValue<string>());
            Assert.Equal(bob.Id.ToString(), node["userId"]!.GetValue<string>());
            Assert.Equal(conversation.ToString(), node["data"]!["conversationId"]!.GetValue<string>());
            Assert.Equal(alice.Id.ToString(), node["data"]!["senderId"]!.GetValue<string>());
        });
        Assert.Equal(3, all["unreadCount"]!.GetValue<int>());
        var ids = all["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToList();

        var firstPage = await PageAsync(bob, 2);
        Assert.True(firstPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var secondPage = await PageAsync(bob, 2, firstPage["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal([ids[2]], secondPage["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.False(secondPage["pageInfo"]!["hasNextPage"]!.GetValue<bool>());

        var marked = (await _client.SendAsync(MarkRead, new { id = ids[0] }, bob.Token)).EnsureNoErrors();
        Assert.True(marked.Data!["markNotificationRead"]!["read"]!.GetValue<bool>());
        Assert.Equal(2, await UnreadAsync(bob));

        var othersRead = await _client.SendAsync(MarkRead, new { id = ids[1] }, carol.Token);
        var othersDelete = await _client.SendAsync(Delete, new { id = ids[1] }, carol.Token);
        Assert.Equal(["NOT_FOUND"], othersRead.ErrorCodes);
        Assert.Equal(["NOT_FOUND"], othersDelete.ErrorCodes);

        var deleted = (await _client.SendAsync(Delete, new { id = ids[1] }, bob.Token)).EnsureNoErrors();
        Assert.True(deleted.Data!["deleteNotification"]!.GetValue<bool>());
        Assert.Equal([ids[0], ids[2]], (await PageAsync(bob, 10))["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(1, await UnreadAsync(bob));

        var readAll = (await _client.SendAsync(MarkAllRead, accessToken: bob.Token)).EnsureNoErrors();
        Assert.Equal(1, readAll.Data!["markAllNotificationsRead"]!.GetValue<int>());
        Assert.Equal(0, await UnreadAsync(bob));

        // carol's own notifications are untouched by all of bob's changes; alice, the sender, has none.
        var carols = await Eventually.ReturnsAsync(() => PageAsync(carol, 10), page => page["nodes"]!.AsArray().Count == 3, Timeout, "carol's");
        Assert.Equal(3, carols["unreadCount"]!.GetValue<int>());
        Assert.Empty((await PageAsync(alice, 10))["nodes"]!.AsArray());
    }

    [Fact]
    public async Task UserComingOnline_IsNotifiedToTheUsersSharingAConversation()
    {
        // Arrange
        var alice = await RegisterAsync("alice");
        var bob = await RegisterAsync("bob");
        var stranger = await RegisterAsync("stranger");
        await KnowUserAsync(alice);
        await PublishAsync(new ConversationChanged(Guid.NewGuid(), ConversationChangeKind.Created, false, null, [alice.Id, bob.Id], alice.Id, null));
        await Eventually.ReturnsAsync(() => MembersInProjectionAsync(alice.Id), count => count == 1, Timeout, "the membership");

        // Act
        await PublishAsync(new PresenceUpdated(alice.Id, PresenceStatus.Online, PresenceStatus.Offline, DateTimeOffset.UtcNow));

        // Assert
        var page = await Eventually.ReturnsAsync(() => PageAsync(bob, 10), p => p["nodes"]!.AsArray().Count == 1, Timeout, "bob's notification");
        var node = page["nodes"]!.AsArray()[0]!;
        Assert.Equal("USER_ONLINE", node["type"]!.GetValue<string>());
        Assert.Equal($"{alice.Username} is online", node["message"]!.GetValue<string>());
        Assert.Equal(alice.Id.ToString(), node["data"]!["userId"]!.GetValue<string>());
        Assert.Empty((await PageAsync(stranger, 10))["nodes"]!.AsArray());
        Assert.Empty((await PageAsync(alice, 10))["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Notifications_WithoutAToken_AreUnauthenticated_FullPagesPass_AndBadPagingIsBadUserInput()
    {
        var bob = await RegisterAsync("bob");

        var anonymous = await _client.SendAsync(Notifications, new { first = 5 });
        var largest = await _client.SendAsync(Notifications, new { first = 100 }, bob.Token);
        var tooMany = await _client.SendAsync("{ notifications(first: 101) { unreadCount } }", accessToken: bob.Token);
        var badCursor = await _client.SendAsync(Notifications, new { first = 5, after = "garbage" }, bob.Token);

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        largest.EnsureNoErrors();
        Assert.Equal(["BAD_USER_INPUT"], tooMany.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], badCursor.ErrorCodes);
        // What is wrong, not "One or more validation errors occurred.".
        Assert.StartsWith("first must be between 1 and ", tooMany.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal("first", tooMany.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    private async Task<JsonNode> PageAsync(TestUser user, int first, string? after = null) =>
        (await _client.SendAsync(Notifications, new { first, after }, user.Token)).EnsureNoErrors().Data!["notifications"]!;

    private async Task<int> UnreadAsync(TestUser user) =>
        (await _client.SendAsync(UnreadCount, accessToken: user.Token)).EnsureNoErrors().Data!["unreadNotificationCount"]!.GetValue<int>();

    private async Task<TestUser> RegisterAsync(string prefix)
    {
        // Registration is not under test here: on a loaded machine bcrypt can outlast the gateway's downstream
        // budget (SERVICE_UNAVAILABLE); then try again under a fresh name (the slow attempt may still succeed).
        var (name, response) = await Eventually.ReturnsAsync(async () =>
        {
            var name = prefix + Guid.NewGuid().ToString("N")[..8];
            var input = new { email = $"{name}@example.com", username = name, password = "correct horse 1" };
            return (name, await _client.SendAsync(Register, new { input }));
        }, attempt => attempt.Item2.ErrorCodes is not ["SERVICE_UNAVAILABLE"], Timeout, "a registration");
        var payload = response.EnsureNoErrors().Data!["register"]!;
        return new TestUser(Guid.Parse(payload["user"]!["id"]!.GetValue<string>()), name, payload["accessToken"]!.GetValue<string>());
    }

    /// <summary>Waits until Notifications has read the user.registered that Auth published for the new account.</summary>
    private async Task KnowUserAsync(TestUser user) =>
        await Eventually.ReturnsAsync(() => CountAsync("SELECT count(*) FROM users WHERE id = @id", user.Id), count => count == 1, Timeout, "the user directory");

    private Task<long> MembersInProjectionAsync(Guid userId) =>
        CountAsync("SELECT count(*) FROM conversation_members WHERE user_id = @id", userId);

    /// <summary>A precondition read of the service's own database; assertions go through the gateway.</summary>
    private async Task<long> CountAsync(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionStringOf(ResourceNames.NotificationDb));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task PublishAsync(IntegrationEvent @event) =>
        _producerHost.Services.GetRequiredService<IntegrationEventProducer>().PublishAsync(@event, TestContext.Current.CancellationToken);

    private static IHost BuildProducerHost(DistributedAppFixture fixture)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Kafka}"] = fixture.ConnectionStringOf(ResourceNames.Kafka),
            [$"ConnectionStrings:{ResourceNames.SchemaRegistry}"] = fixture.EndpointOf(ResourceNames.SchemaRegistry).ToString().TrimEnd('/'),
            ["Kafka:Schemas:AutoRegister"] = "true",
        });
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.AddEventing();
        return builder.Build();
    }

    public void Dispose()
    {
        _producerHost.Dispose();
        _client.Dispose();
    }

    private sealed record TestUser(Guid Id, string Username, string Token);
}
