using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Subscriptions;

/// <summary>
/// The real-time story of issue 7 with the npm <c>graphql-ws</c> client against the whole running app:
/// Bob listens on one gateway, Alice acts on the other; the message goes through Messaging, Kafka,
/// Notifications and Redis before it reaches Bob.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class MessageDeliveryStoryTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);
    private readonly GraphQLClient _alicesGateway = new(fixture.GatewayUrl);
    private readonly GraphQLClient _bobsGateway = new(fixture.EndpointOf(ResourceNames.Gateway + "-2"));

    [Fact]
    public async Task AliceSends_BobGetsMessageAndNotificationWithinASecond_BobReads_AliceGetsTheReceipt()
    {
        var alice = await ChatUser.RegisterAsync(_alicesGateway, "alice");
        var bob = await ChatUser.RegisterAsync(_bobsGateway, "bob");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();

        var bobsGatewayUrl = fixture.EndpointOf(ResourceNames.Gateway + "-2");
        await using var bobsMessages = await GraphQLWsNodeSubscription.StartAsync(bobsGatewayUrl, bob.AccessToken,
            "subscription { messageAdded { kind messageId conversationId content senderId } }");
        await using var bobsNotifications = await GraphQLWsNodeSubscription.StartAsync(bobsGatewayUrl, bob.AccessToken,
            "subscription { notificationAdded { id type title message } }");
        await using var alicesReceipts = await GraphQLWsNodeSubscription.StartAsync(fixture.GatewayUrl, alice.AccessToken,
            "subscription { messageUpdated { kind messageId readerId } }");

        // A first exchange proves every subscription is live (a client can't tell when the server has set one up).
        var warmUp = (await alice.SendMessageAsync(conversationId, "warm-up"))["id"]!.GetValue<string>();
        await bobsMessages.NextDataAsync("messageAdded", m => m["messageId"]!.GetValue<string>() == warmUp, WarmUp);
        await bobsNotifications.NextDataAsync("notificationAdded", _ => true, WarmUp);
        (await bob.SendAsync("mutation($id: ID!) { markMessageRead(id: $id) { unreadCount } }", new { id = warmUp })).EnsureNoErrors();
        await alicesReceipts.NextDataAsync("messageUpdated", m => m["messageId"]!.GetValue<string>() == warmUp, WarmUp);

        var sentAt = DateTimeOffset.UtcNow;
        var messageId = (await alice.SendMessageAsync(conversationId, "hello bob"))["id"]!.GetValue<string>();
        var (message, messageAt) = await bobsMessages.NextDataAsync("messageAdded", m => m["messageId"]!.GetValue<string>() == messageId, Delivery * 5);
        var (notification, notificationAt) = await bobsNotifications.NextDataAsync("notificationAdded",
            n => n["message"]!.GetValue<string>() == "hello bob", Delivery * 5);

        var readAt = DateTimeOffset.UtcNow;
        (await bob.SendAsync("mutation($id: ID!) { markMessageRead(id: $id) { unreadCount } }", new { id = messageId })).EnsureNoErrors();
        var (receipt, receiptAt) = await alicesReceipts.NextDataAsync("messageUpdated", m => m["messageId"]!.GetValue<string>() == messageId, Delivery * 5);

        Assert.Equal("CREATED", message["kind"]!.GetValue<string>());
        Assert.Equal(alice.Id.ToString(), message["senderId"]!.GetValue<string>());
        Assert.Equal("NEW_MESSAGE", notification["type"]!.GetValue<string>());
        Assert.Equal("READ", receipt["kind"]!.GetValue<string>());
        Assert.Equal(bob.Id.ToString(), receipt["readerId"]!.GetValue<string>());
        Assert.True(messageAt - sentAt < Delivery, $"messageAdded took {(messageAt - sentAt).TotalMilliseconds:0} ms");
        Assert.True(notificationAt - sentAt < Delivery, $"notificationAdded took {(notificationAt - sentAt).TotalMilliseconds:0} ms");
        Assert.True(receiptAt - readAt < Delivery, $"the read receipt took {(receiptAt - readAt).TotalMilliseconds:0} ms");
    }

    public void Dispose()
    {
        _alicesGateway.Dispose();
        _bobsGateway.Dispose();
    }
}
