using Chat.Tests.Infrastructure;
using Chat.Tests.Presence;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Presence through the real gateway and both Presence instances of the running app (the fixture sets AWAY after
/// 3 s, OFFLINE after 8 s, a sweep every 250 ms).
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class PresenceThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan TransitionTimeout = TimeSpan.FromSeconds(30);

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    private PresenceGraphQL Presence => new(_client);

    [Fact]
    public async Task UpdatePresence_ThenReadByAnotherUser_RoundTrips()
    {
        var alice = await PresenceTestUser.RegisterAsync(_client);
        var bob = await PresenceTestUser.RegisterAsync(_client);

        var busy = await Presence.UpdateAsync(alice, "BUSY");
        var read = await Presence.PresenceAsync(bob, alice.Id);
        var many = await Presence.PresencesAsync(bob, [alice.Id, bob.Id]);

        Assert.Equal("BUSY", PresenceGraphQL.StatusIn(busy, "updatePresence"));
        var presence = PresenceGraphQL.PresenceIn(read, "presence");
        Assert.Equal(alice.Id.ToString(), presence["userId"]!.GetValue<string>());
        Assert.Equal("BUSY", presence["status"]!.GetValue<string>());
        Assert.NotNull(presence["lastSeenAt"]);
        var list = PresenceGraphQL.PresenceIn(many, "presences").AsArray();
        Assert.Equal([alice.Id.ToString(), bob.Id.ToString()], list.Select(p => p!["userId"]!.GetValue<string>()));
        Assert.Equal(["BUSY", "OFFLINE"], list.Select(p => p!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Busy_SurvivesHeartbeatsAndSilence_WhileAnOnlineUserTurnsAway()
    {
        var busy = await PresenceTestUser.RegisterAsync(_client);
        var online = await PresenceTestUser.RegisterAsync(_client);
        (await Presence.UpdateAsync(busy, "BUSY")).EnsureNoErrors();

        var afterHeartbeat = await Presence.HeartbeatAsync(busy);
        (await Presence.HeartbeatAsync(online)).EnsureNoErrors();
        // The ONLINE user heartbeated after the BUSY one: once it is AWAY, the sweepers had their chance at both.
        await Eventually.ReturnsAsync(() => Presence.StatusOfAsync(busy, online.Id), status => status == "AWAY", TransitionTimeout, "the ONLINE user to turn AWAY");
        var afterSilence = await Presence.StatusOfAsync(online, busy.Id);
        var afterSecondHeartbeat = await Presence.HeartbeatAsync(busy);

        Assert.Equal("BUSY", PresenceGraphQL.StatusIn(afterHeartbeat, "heartbeat"));
        Assert.Equal("BUSY", afterSilence);
        Assert.Equal("BUSY", PresenceGraphQL.StatusIn(afterSecondHeartbeat, "heartbeat"));
    }

    [Fact]
    public async Task Heartbeat_AfterAway_BringsTheUserBackOnline()
    {
        var user = await PresenceTestUser.RegisterAsync(_client);
        var reader = await PresenceTestUser.RegisterAsync(_client);
        var first = await Presence.HeartbeatAsync(user);
        await Eventually.ReturnsAsync(() => Presence.StatusOfAsync(reader, user.Id), status => status == "AWAY", TransitionTimeout, "the user to turn AWAY");

        var back = await Presence.HeartbeatAsync(user);

        Assert.Equal("ONLINE", PresenceGraphQL.StatusIn(first, "heartbeat"));
        Assert.Equal("ONLINE", PresenceGraphQL.StatusIn(back, "heartbeat"));
    }

    [Fact]
    public async Task Presences_With500Ids_AnswersEach_And501IsBadUserInput()
    {
        var reader = await PresenceTestUser.RegisterAsync(_client);
        (await Presence.HeartbeatAsync(reader)).EnsureNoErrors();
        var ids = Enumerable.Range(0, 499).Select(_ => Guid.NewGuid()).Prepend(reader.Id).ToList();

        var fiveHundred = await Presence.PresencesAsync(reader, ids);
        var fiveHundredOne = await Presence.PresencesAsync(reader, [.. ids, Guid.NewGuid()]);

        var list = PresenceGraphQL.PresenceIn(fiveHundred, "presences").AsArray();
        Assert.Equal(ids.Select(id => id.ToString()), list.Select(p => p!["userId"]!.GetValue<string>()));
        Assert.NotEqual("OFFLINE", list[0]!["status"]!.GetValue<string>());
        Assert.All(list.Skip(1), p => Assert.Equal("OFFLINE", p!["status"]!.GetValue<string>()));
        Assert.Equal(["BAD_USER_INPUT"], fiveHundredOne.ErrorCodes);
    }

    [Fact]
    public async Task Presence_OfUnknownUser_IsOfflineWithoutLastSeen()
    {
        var reader = await PresenceTestUser.RegisterAsync(_client);

        var read = await Presence.PresenceAsync(reader, Guid.NewGuid());

        var presence = PresenceGraphQL.PresenceIn(read, "presence");
        Assert.Equal("OFFLINE", presence["status"]!.GetValue<string>());
        Assert.Null(presence["lastSeenAt"]);
    }

    [Fact]
    public async Task PresenceFields_WithoutToken_AreUnauthenticated()
    {
        var anonymous = new PresenceTestUser(Guid.NewGuid(), "not.a.token");

        var update = await Presence.UpdateAsync(anonymous, "ONLINE");
        var heartbeat = await Presence.HeartbeatAsync(anonymous);
        var read = await Presence.PresenceAsync(anonymous, Guid.NewGuid());

        Assert.Equal(["UNAUTHENTICATED"], update.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], heartbeat.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], read.ErrorCodes);
    }

    [Fact]
    public async Task UpdatePresence_WithUnknownStatus_IsBadUserInput()
    {
        var user = await PresenceTestUser.RegisterAsync(_client);

        var response = await Presence.UpdateAsync(user, "SLEEPING");

        Assert.Equal(["BAD_USER_INPUT"], response.ErrorCodes);
    }

    public void Dispose() => _client.Dispose();
}
