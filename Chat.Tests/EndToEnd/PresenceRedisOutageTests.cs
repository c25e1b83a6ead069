using System.Diagnostics;
using Chat.AppHost.Resources;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Chat.Tests.Presence;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Redis stops mid-test: presence answers SERVICE_UNAVAILABLE quickly instead of hanging, and works again by
/// itself once Redis is back (the orchestrator does not restart Redis, so the test does, always).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class PresenceRedisOutageTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan QuickAnswer = TimeSpan.FromSeconds(5);

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    private PresenceGraphQL Presence => new(_client);

    private PresenceGraphQL PresenceWithoutRetries => new(_client, retryUnavailable: false);

    [Fact]
    public async Task RedisRestart_FailsFastWhileDown_AndRecoversByItself()
    {
        var user = await PresenceTestUser.RegisterAsync(_client);
        var reader = await PresenceTestUser.RegisterAsync(_client);
        // Invisible: neither heartbeats nor sweeps change it, so only lost Redis data could turn it ONLINE.
        (await Presence.UpdateAsync(user, "OFFLINE")).EnsureNoErrors();

        GraphQLResponse heartbeatWhileDown, readWhileDown;
        TimeSpan heartbeatTook, readTook;
        await fixture.App.StopResourceAsync(ResourceNames.Redis, TestContext.Current.CancellationToken);
        try
        {
            (heartbeatWhileDown, heartbeatTook) = await TimedAsync(() => PresenceWithoutRetries.HeartbeatAsync(user));
            (readWhileDown, readTook) = await TimedAsync(() => PresenceWithoutRetries.PresenceAsync(reader, user.Id));
        }
        finally
        {
            await fixture.App.StartResourceAsync(ResourceNames.Redis, CancellationToken.None);
        }
        var afterRestart = await Eventually.ReturnsAsync(() => PresenceWithoutRetries.HeartbeatAsync(user), r => r.Errors.Count == 0,
            TimeSpan.FromSeconds(30), "heartbeats to work again");
        var readAfterRestart = await Presence.StatusOfAsync(reader, user.Id);
        // The sweepers lived through the outage: a user who goes quiet now still turns AWAY.
        (await Presence.HeartbeatAsync(reader)).EnsureNoErrors();
        var sweptAfterRestart = await Eventually.ReturnsAsync(() => Presence.StatusOfAsync(user, reader.Id), status => status == "AWAY",
            TimeSpan.FromSeconds(20), "a sweep after the restart");

        Assert.Equal(["SERVICE_UNAVAILABLE"], heartbeatWhileDown.ErrorCodes);
        Assert.Equal(["SERVICE_UNAVAILABLE"], readWhileDown.ErrorCodes);
        Assert.True(heartbeatTook < QuickAnswer, $"heartbeat took {heartbeatTook}");
        Assert.True(readTook < QuickAnswer, $"read took {readTook}");
        // Redis keeps its data across the restart (append-only file): the chosen invisibility survived.
        Assert.Equal("OFFLINE", PresenceGraphQL.StatusIn(afterRestart, "heartbeat"));
        Assert.Equal("OFFLINE", readAfterRestart);
        Assert.Equal("AWAY", sweptAfterRestart);
    }

    private static async Task<(GraphQLResponse Response, TimeSpan Took)> TimedAsync(Func<Task<GraphQLResponse>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await call();
        return (response, stopwatch.Elapsed);
    }

    public void Dispose() => _client.Dispose();
}
