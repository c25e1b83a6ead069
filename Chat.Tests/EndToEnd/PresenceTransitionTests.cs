using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Chat.Tests.Presence;

namespace Chat.Tests.EndToEnd;

/// <summary>
/// Timed transitions with both Presence instances sweeping the same Redis: each transition happens once — one
/// history row, one <c>presence.updated</c> event — whichever instance wins it.
/// </summary>
[Collection(DistributedAppCollection.Name)]
public sealed class PresenceTransitionTests(DistributedAppFixture fixture) : IDisposable
{
    private static readonly TimeSpan TransitionTimeout = TimeSpan.FromSeconds(30);

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    private readonly PresenceHistory _history = new(
        fixture.ConnectionStringOf(ResourceNames.PresenceDb), fixture.ConnectionStringOf(ResourceNames.Kafka));

    private PresenceGraphQL Presence => new(_client);

    [Fact]
    public async Task SilentUser_TurnsAwayThenOffline_ExactlyOnceWithTwoSweepingInstances()
    {
        var silent = await PresenceTestUser.RegisterAsync(_client);
        var reader = await PresenceTestUser.RegisterAsync(_client);

        var online = await Presence.HeartbeatAsync(silent);
        await Eventually.ReturnsAsync(() => Presence.StatusOfAsync(reader, silent.Id), s => s == "AWAY", TransitionTimeout, "AWAY");
        var offline = await Eventually.ReturnsAsync(() => Presence.PresenceAsync(reader, silent.Id),
            r => PresenceGraphQL.StatusIn(r, "presence") == "OFFLINE", TransitionTimeout, "OFFLINE");
        // A later user's AWAY proves both sweepers ran many more times after the silent user's transitions.
        var later = await PresenceTestUser.RegisterAsync(_client);
        (await Presence.HeartbeatAsync(later)).EnsureNoErrors();
        await Eventually.ReturnsAsync(() => Presence.StatusOfAsync(reader, later.Id), s => s == "AWAY", TransitionTimeout, "the later user's AWAY");
        var events = await _history.EventsUntilAsync(
            read => read.TryGetValue(later.Id, out var statuses) && statuses.Contains("AWAY") &&
                read.TryGetValue(silent.Id, out var silentStatuses) && silentStatuses.Contains("OFFLINE"),
            TransitionTimeout);
        var rows = await _history.RowsAsync(silent.Id);

        Assert.Equal("ONLINE", PresenceGraphQL.StatusIn(online, "heartbeat"));
        Assert.Equal(["ONLINE", "AWAY", "OFFLINE"], events[silent.Id]);
        Assert.Equal(["ONLINE", "AWAY", "OFFLINE"], rows.Select(row => row.Status));
        // Sweeps keep the time of the last heartbeat: the user was last seen when they went quiet.
        var lastSeen = PresenceGraphQL.PresenceIn(offline, "presence")["lastSeenAt"]!.GetValue<DateTimeOffset>();
        Assert.Equal(PresenceGraphQL.PresenceIn(online, "heartbeat")["lastSeenAt"]!.GetValue<DateTimeOffset>(), lastSeen);
        Assert.All(rows, row => Assert.Equal(lastSeen, row.LastSeenAt, TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public async Task ChosenStatuses_AreEachRecordedOnce_AndRepeatsAreNotChanges()
    {
        var user = await PresenceTestUser.RegisterAsync(_client);

        // Chosen OFFLINE (invisible) is immune to sweeps; BUSY only ends after 8 s of silence, and every call
        // below comes well within that, so no timed transition can slip in between.
        (await Presence.UpdateAsync(user, "OFFLINE")).EnsureNoErrors();
        (await Presence.UpdateAsync(user, "OFFLINE")).EnsureNoErrors();
        (await Presence.HeartbeatAsync(user)).EnsureNoErrors();
        (await Presence.UpdateAsync(user, "BUSY")).EnsureNoErrors();
        (await Presence.HeartbeatAsync(user)).EnsureNoErrors();
        (await Presence.UpdateAsync(user, "BUSY")).EnsureNoErrors();
        (await Presence.UpdateAsync(user, "OFFLINE")).EnsureNoErrors();
        var events = await _history.EventsUntilAsync(
            read => read.TryGetValue(user.Id, out var statuses) && statuses.Count(s => s == "OFFLINE") == 2, TransitionTimeout);
        var rows = await _history.RowsAsync(user.Id);

        Assert.Equal(["OFFLINE", "BUSY", "OFFLINE"], rows.Select(row => row.Status));
        Assert.Equal(["OFFLINE", "BUSY", "OFFLINE"], events[user.Id]);
    }

    [Fact]
    public async Task ExpiredUser_IsOfflineWithTheLastSeenAtHistoryKnows()
    {
        var user = await PresenceTestUser.RegisterAsync(_client);
        var reader = await PresenceTestUser.RegisterAsync(_client);
        var signedOut = PresenceGraphQL.PresenceIn(await Presence.UpdateAsync(user, "OFFLINE"), "updatePresence");
        await using (var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis)))
        {
            // What the key's TTL does eventually, done now.
            await redis.GetDatabase().KeyDeleteAsync("presence:" + user.Id.ToString("D"));
        }

        var read = PresenceGraphQL.PresenceIn(await Presence.PresenceAsync(reader, user.Id), "presence");

        Assert.Equal("OFFLINE", read["status"]!.GetValue<string>());
        Assert.Equal(signedOut["lastSeenAt"]!.GetValue<DateTimeOffset>(), read["lastSeenAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task ParkedTransition_WhoseDatabaseWriteFailed_IsWrittenOnceByTheSweepers()
    {
        // What a flip leaves behind when the database write after it fails: the transition parked in Redis.
        var userId = Guid.NewGuid();
        var transitionId = Guid.CreateVersion7();
        var lastSeen = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds());
        var parked = System.Text.Json.JsonSerializer.Serialize(new
        {
            id = transitionId, userId, status = "AWAY", previousStatus = "ONLINE",
            lastSeenAt = lastSeen.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            occurredAt = lastSeen.AddSeconds(30).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.ConnectionStringOf(ResourceNames.Redis));
        var database = redis.GetDatabase();

        await database.HashSetAsync("presence:pending", transitionId.ToString("D"), parked);
        await Eventually.ReturnsAsync(() => database.HashExistsAsync("presence:pending", transitionId.ToString("D")),
            exists => !exists, TransitionTimeout, "the parked transition to be written");
        var events = await _history.EventsUntilAsync(read => read.ContainsKey(userId), TransitionTimeout);
        var rows = await _history.RowsAsync(userId);

        Assert.Equal([("AWAY", lastSeen)], rows);
        Assert.Equal(["AWAY"], events[userId]);
    }

    public void Dispose() => _client.Dispose();
}
