using System.Diagnostics;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Redis stops: Notifications keeps answering from its database, quickly enough for the gateway's production budget
/// (the orchestrator does not restart Redis, so the test does, always).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class NotificationsRedisOutageTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Read = "{ notifications(first: 10) { nodes { message read } unreadCount } unreadNotificationCount }";

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task NotificationsAndUnreadCount_WhenRedisIsStopped_AnswerFromTheDatabase()
    {
        var alice = await ChatUser.RegisterAsync(_client, "alice");
        var bob = await ChatUser.RegisterAsync(_client, "bob");
        var conversation = (await alice.CreateConversationAsync([bob]))["id"]!.GetValue<string>();
        await alice.SendMessageAsync(conversation, "are you there?");
        var before = await Eventually.ReturnsAsync(() => bob.SendAsync(Read),
            r => r.Errors.Count == 0 && r.Data!["unreadNotificationCount"]!.GetValue<int>() >= 1, TimeSpan.FromSeconds(30), "bob's notification");

        GraphQLResponse whileDown;
        TimeSpan took;
        await fixture.App.StopResourceAsync(ResourceNames.Redis, TestContext.Current.CancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            whileDown = await bob.SendAsync(Read);
            took = clock.Elapsed;
        }
        finally
        {
            await fixture.App.StartResourceAsync(ResourceNames.Redis, CancellationToken.None);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"read with Redis stopped: {took.TotalMilliseconds:F0} ms");
        whileDown.EnsureNoErrors();
        // What bob saw before (more may have arrived, e.g. alice coming online): now read from the database.
        Assert.Subset(Messages(whileDown), Messages(before));
        Assert.Equal(whileDown.Data!["notifications"]!["unreadCount"]!.GetValue<int>(), whileDown.Data!["unreadNotificationCount"]!.GetValue<int>());
        Assert.True(took < new CallBudgetOptions().AttemptTimeout, $"the read took {took.TotalMilliseconds:F0} ms");
    }

    private static HashSet<string> Messages(GraphQLResponse response) =>
        [.. response.Data!["notifications"]!["nodes"]!.AsArray().Select(node => node!["message"]!.GetValue<string>())];

    public void Dispose() => _client.Dispose();
}
