using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// kill -9 mid-stream (issue 14): of the gateway a recipient is connected to, of Messaging, of chat-db's postmaster.
/// The recipient uses ws-client/resume.mjs — graphql-ws reconnecting round both gateways with the cursor of the last
/// event it got — while the sender sends steadily through the other gateway, retrying with the same clientMessageId
/// while a send fails. The recipient ends with every message exactly once, in history order, and with a notification
/// of each exactly once, in seq order (a second resume.mjs on <c>notificationAdded</c>).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ReconnectAfterCrashTests(DistributedAppFixture fixture) : IDisposable
{
    private const int Messages = 40;
    private const string MessageAdded = "subscription($id: ID!, $after: String) { messageAdded(conversationId: $id, after: $after) { kind messageId seq cursor content } }";
    private static readonly TimeSpan Recovery = TimeSpan.FromMinutes(3);
    private readonly GraphQLClient _senderGateway = new(fixture.EndpointOf(ResourceNames.Gateway + "-2"));

    [Fact]
    public async Task GatewayKilled_TheClientResumesOnTheOtherWithItsCursor_MissingNothing_SeeingNothingTwice()
    {
        var received = await RunAsync(ResourceNames.Gateway, () => Crashes.KillService(fixture, ResourceNames.Gateway));

        Assert.True(received.Reconnects >= 1, "the client never had to reconnect");
    }

    [Fact]
    public async Task MessagingKilled_EveryMessageArrivesOnce_InHistoryOrder() =>
        await RunAsync(ResourceNames.Messaging, () => Crashes.KillService(fixture, ResourceNames.Messaging));

    [Fact]
    public async Task ChatDbPostmasterKilled_EveryMessageArrivesOnce_InHistoryOrder() =>
        await RunAsync("chat-postgres", () => Crashes.KillExecutable(fixture, "chat-postgres"));

    private async Task<(List<ResumeTests.ReceivedEvent> Events, int Reconnects)> RunAsync(string killed, Action kill)
    {
        var alice = await ChatUser.RegisterAsync(_senderGateway, "alice");
        var bob = await ChatUser.RegisterAsync(_senderGateway, "bob");
        var conversationId = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        await alice.SendMessageAsync(conversationId, "before");
        const long start = 1; // the first message of a new conversation
        Uri[] gateways = [fixture.GatewayUrl, fixture.EndpointOf(ResourceNames.Gateway + "-2")];
        await using var recipient = await GraphQLWsNodeSubscription.ResumingAsync(gateways, bob.AccessToken, "messageAdded", MessageAdded,
            new { id = conversationId, after = start.ToString(System.Globalization.CultureInfo.InvariantCulture) }, seconds: 600);
        await using var notified = await GraphQLWsNodeSubscription.ResumingAsync(gateways, bob.AccessToken, "notificationAdded",
            NotificationResumeTests.NotificationAdded, new { after = "0" }, seconds: 600);
        try
        {
            var sending = SendSteadilyAsync(alice, conversationId);
            var events = await ResumeTests.ReceiveAsync(recipient, "messageAdded", Messages / 4, Recovery);
            kill();
            await sending;
            events.AddRange(await ResumeTests.ReceiveAsync(recipient, "messageAdded", Messages - events.Count, Recovery));

            var history = await HistoryAsync(bob, conversationId);
            Assert.Equal(history.Skip(1), events.Select(e => e.MessageId));
            Assert.Equal(Enumerable.Range(1, Messages).Select(i => start + i), events.Select(e => e.Seq));
            var notifications = await NotificationResumeTests.ReceiveAsync(notified, Messages + 1, Recovery);
            Assert.Equal(Enumerable.Range(1, Messages + 1).Select(i => (long)i), notifications.Select(n => n["seq"]!.GetValue<long>()));
            Assert.Equal(history, notifications.Select(n => n["data"]!["messageId"]!.GetValue<string>()));
            var reconnects = recipient.History.Count(line => line["event"]!.GetValue<string>() == "connected") - 1;
            return (events, reconnects);
        }
        finally
        {
            await Crashes.WaitUntilHealthyAsync(fixture, killed);
        }
    }

    /// <summary>One message every 100 ms; a failed send is retried with its clientMessageId, so it is stored once.</summary>
    private static async Task SendSteadilyAsync(ChatUser sender, string conversationId)
    {
        for (var i = 1; i <= Messages; i++)
        {
            var clientMessageId = $"steady-{i}";
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (!await TrySendAsync(sender, conversationId, $"m{i}", clientMessageId))
            {
                Assert.True(DateTime.UtcNow < deadline, $"message {i} could not be sent for 3 minutes");
                await Task.Delay(250);
            }
            await Task.Delay(100);
        }
    }

    private static async Task<bool> TrySendAsync(ChatUser sender, string conversationId, string content, string clientMessageId)
    {
        try
        {
            return (await sender.TrySendMessageAsync(conversationId, content, clientMessageId)).Errors.Count == 0;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static async Task<List<string>> HistoryAsync(ChatUser reader, string conversationId)
    {
        var response = (await reader.SendAsync(
            "query($id: ID!) { messages(conversationId: $id, first: 100) { edges { node { id } } } }", new { id = conversationId })).EnsureNoErrors();
        return [.. response.Data!["messages"]!["edges"]!.AsArray().Select(edge => edge!["node"]!["id"]!.GetValue<string>()).Reverse()];
    }

    public void Dispose() => _senderGateway.Dispose();
}
