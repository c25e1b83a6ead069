using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// A request that repeats one cheap root field under many aliases costs the services what one field costs (issue 12,
/// item 4): identical reads in flight are one call, whoever and however many ask.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class FanOutThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task AThousandAliasesOfUnreadNotificationCount_CallNotificationsAFewTimes_AndAllAnswer()
    {
        var alice = await ChatUser.RegisterAsync(_client, "fanout");
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"u{i}: unreadNotificationCount")) + " }";
        var before = await DownstreamCalls.ReadAsync(fixture);

        var response = (await alice.SendAsync(query)).EnsureNoErrors();

        var after = await DownstreamCalls.ReadAsync(fixture);
        Assert.All(Enumerable.Range(0, 1000), i => Assert.Equal(0, response.Data![$"u{i}"]!.GetValue<int>()));
        Assert.InRange(after.Since(before, "notifications GET /notifications/unread-count"), 1, 3);
    }

    [Fact]
    public async Task ManyAliasesOfMe_CallAuthAFewTimes_AndEachAnswersTheCaller()
    {
        var alice = await ChatUser.RegisterAsync(_client, "fanout");
        var query = "{ " + string.Join(' ', Enumerable.Range(0, 499).Select(i => $"m{i}: me {{ id }}")) + " }";
        var before = await DownstreamCalls.ReadAsync(fixture);

        var response = (await alice.SendAsync(query)).EnsureNoErrors();

        var after = await DownstreamCalls.ReadAsync(fixture);
        Assert.All(Enumerable.Range(0, 499), i => Assert.Equal(alice.Id.ToString(), response.Data![$"m{i}"]!["id"]!.GetValue<string>()));
        Assert.InRange(after.Since(before, "auth GET /auth/me"), 1, 3);
    }

    [Fact]
    public async Task IdenticalReadsOfDifferentUsers_AreNeverShared()
    {
        var users = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ChatUser.RegisterAsync(_client, "fanout")));

        var answers = await Task.WhenAll(users.Select(user => user.SendAsync("{ a: me { id } b: me { id } }")));

        for (var i = 0; i < users.Length; i++)
        {
            var data = answers[i].EnsureNoErrors().Data!;
            Assert.Equal(users[i].Id.ToString(), data["a"]!["id"]!.GetValue<string>());
            Assert.Equal(users[i].Id.ToString(), data["b"]!["id"]!.GetValue<string>());
        }
    }


    public void Dispose() => _client.Dispose();
}
