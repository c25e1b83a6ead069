using Chat.Tests.Infrastructure;
using static Chat.Tests.EndToEnd.Features.FeatureTestKit;

namespace Chat.Tests.EndToEnd.Features;

/// <summary>Every edit keeps the text it replaced; members read the versions, a deletion erases them.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class EditHistoryThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Versions = "query($id: ID!) { messageVersions(messageId: $id) { version content writtenAt replacedAt } }";
    private const string Edit = "mutation($id: ID!, $content: String!) { editMessage(id: $id, content: $content) { id content } }";
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task Edits_KeepEveryEarlierText_InOrder_ForEveryMember_UntilTheMessageIsDeleted()
    {
        var (alice, bob, mallory) = (await ChatUser.RegisterAsync(_client, "alice"), await ChatUser.RegisterAsync(_client, "bob"),
            await ChatUser.RegisterAsync(_client, "mallory"));
        var conversationId = Id(await alice.CreateConversationAsync([bob]));
        var messageId = Id(await SendAsync(alice, conversationId, "meet at 5"));

        (await alice.SendAsync(Edit, new { id = messageId, content = "meet at 6" })).EnsureNoErrors();
        (await alice.SendAsync(Edit, new { id = messageId, content = "meet at 6" })).EnsureNoErrors(); // the same text: no version
        (await alice.SendAsync(Edit, new { id = messageId, content = "meet at 7" })).EnsureNoErrors();

        var versions = (await bob.SendAsync(Versions, new { id = messageId })).EnsureNoErrors().Data!["messageVersions"]!.AsArray();
        Assert.Equal(["meet at 5", "meet at 6", "meet at 7"], versions.Select(v => v!["content"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Null(versions[2]!["replacedAt"]);
        Assert.Equal(versions[0]!["replacedAt"]!.GetValue<string>(), versions[1]!["writtenAt"]!.GetValue<string>());
        AssertError(await mallory.SendAsync(Versions, new { id = messageId }), "NOT_FOUND");

        (await alice.SendAsync("mutation($id: ID!) { deleteMessage(id: $id) { id } }", new { id = messageId })).EnsureNoErrors();
        Assert.Empty((await bob.SendAsync(Versions, new { id = messageId })).EnsureNoErrors().Data!["messageVersions"]!.AsArray());
    }

    public void Dispose() => _client.Dispose();
}
