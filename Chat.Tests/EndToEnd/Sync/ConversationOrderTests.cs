using System.Text.Json.Nodes;
using Chat.ServiceDefaults;
using Chat.Tests.EndToEnd.Subscriptions;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd.Sync;

/// <summary>
/// One order per conversation (issue 14): with two members sending into a group at the same time, every
/// subscriber receives the messages in exactly the order history shows after a reload, numbered 1, 2, 3 … by seq.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class ConversationOrderTests(DistributedAppFixture fixture) : IDisposable
{
    private const int MessagesPerSender = 25;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly GraphQLClient _gateway = new(fixture.GatewayUrl);

    [Fact]
    public async Task TwoConcurrentSenders_EverySubscribersArrivalOrder_IsTheHistoryOrder()
    {
        var alice = await ChatUser.RegisterAsync(_gateway, "alice");
        var bob = await ChatUser.RegisterAsync(_gateway, "bob");
        var carol = await ChatUser.RegisterAsync(_gateway, "carol");
        var conversationId = (await alice.CreateConversationAsync([bob, carol], "order"))["id"]!.GetValue<string>();
        var query = $"subscription {{ messageAdded(conversationId: \"{conversationId}\") {{ messageId seq cursor }} }}";
        var gateways = new[] { fixture.GatewayUrl, fixture.EndpointOf(ResourceNames.Gateway + "-2") };
        var subscriptions = new List<GraphQLWsNodeSubscription>();
        try
        {
            foreach (var (user, index) in new[] { alice, bob, carol }.Select((user, index) => (user, index)))
            {
                subscriptions.Add(await GraphQLWsNodeSubscription.StartAsync(gateways[index % 2], user.AccessToken, query, seconds: 180));
            }

            var warmUp = await LiveSubscriptions.ProveLiveAsync(alice, conversationId, subscriptions);

            await Task.WhenAll(SendManyAsync(alice, conversationId), SendManyAsync(bob, conversationId));

            var history = await HistoryOldestFirstAsync(carol, conversationId);
            var expected = history.SkipWhile(m => m.Id != warmUp).Skip(1).ToList();
            Assert.Equal(2 * MessagesPerSender, expected.Count);
            var first = expected[0].Seq;
            Assert.Equal(Enumerable.Range(0, 2 * MessagesPerSender).Select(i => first + i), expected.Select(m => m.Seq));
            foreach (var subscription in subscriptions)
            {
                var arrived = new List<(string Id, long Seq, string Cursor)>();
                while (arrived.Count < expected.Count)
                {
                    var (data, _) = await subscription.NextDataAsync("messageAdded", _ => true, Wait);
                    arrived.Add((data["messageId"]!.GetValue<string>(), data["seq"]!.GetValue<long>(), data["cursor"]!.GetValue<string>()));
                }

                Assert.Equal(expected.Select(m => m.Id), arrived.Select(m => m.Id));
                Assert.Equal(expected.Select(m => m.Seq), arrived.Select(m => m.Seq));
                Assert.All(arrived, m => Assert.Equal(m.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Cursor));
            }
        }
        finally
        {
            foreach (var subscription in subscriptions)
            {
                await subscription.DisposeAsync();
            }
        }
    }

    private static async Task SendManyAsync(ChatUser sender, string conversationId)
    {
        for (var i = 0; i < MessagesPerSender; i++)
        {
            await sender.SendMessageAsync(conversationId, $"{sender.Username} {i}");
        }
    }

    private static async Task<List<(string Id, long Seq)>> HistoryOldestFirstAsync(ChatUser reader, string conversationId)
    {
        var response = (await reader.SendAsync(
            "query($id: ID!) { messages(conversationId: $id, first: 100) { edges { node { id seq } } } }", new { id = conversationId })).EnsureNoErrors();
        return [.. response.Data!["messages"]!["edges"]!.AsArray()
            .Select(edge => edge!["node"]!)
            .Select(node => (node["id"]!.GetValue<string>(), node["seq"]!.GetValue<long>()))
            .Reverse()];
    }

    public void Dispose() => _gateway.Dispose();
}
