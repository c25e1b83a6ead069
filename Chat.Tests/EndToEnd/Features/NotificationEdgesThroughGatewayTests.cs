using Chat.Tests.Infrastructure;
using static Chat.Tests.EndToEnd.Features.FeatureTestKit;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>notifications has the Relay shape of the other connections: edges whose cursors page on after them.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class NotificationEdgesThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Page = """
        query($first: Int, $after: String) {
          notifications(first: $first, after: $after) { edges { cursor node { id cursor } } nodes { id } pageInfo { endCursor hasNextPage } }
        }
        """;
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task EachEdgesCursor_ContinuesThePageRightAfterIt()
    {
        var (alice, bob) = (await ChatUser.RegisterAsync(_client, "alice"), await ChatUser.RegisterAsync(_client, "bob"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        foreach (var text in new[] { "one", "two", "three" })
        {
            await SendAsync(alice, conversationId, text);
        }

        var all = await Eventually.ReturnsAsync(
            async () => (await bob.SendAsync(Page, new { first = 10 })).EnsureNoErrors().Data!["notifications"]!,
            page => page["edges"]!.AsArray().Count == 3, Patience, "bob's three notifications");
        var edges = all["edges"]!.AsArray();
        Assert.Equal(all["nodes"]!.AsArray().Select(n => Id(n!)), edges.Select(e => Id(e!["node"]!)));
        Assert.Equal(all["pageInfo"]!["endCursor"]!.GetValue<string>(), edges[2]!["cursor"]!.GetValue<string>());

        var afterFirst = (await bob.SendAsync(Page, new { first = 1, after = edges[0]!["cursor"]!.GetValue<string>() })).EnsureNoErrors()
            .Data!["notifications"]!;
        Assert.Equal(Id(edges[1]!["node"]!), Id(afterFirst["edges"]![0]!["node"]!));
        Assert.True(afterFirst["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        // The node's cursor is another position (the notificationAdded resume point), not a page cursor.
        Assert.NotEqual(edges[0]!["cursor"]!.GetValue<string>(), edges[0]!["node"]!["cursor"]!.GetValue<string>());
    }

    public void Dispose() => _client.Dispose();
}
