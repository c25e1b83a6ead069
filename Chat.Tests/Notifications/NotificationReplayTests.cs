using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Notifications;

/// <summary>Per-user notification seqs in commit order, carried by the event, and the replay after a position.</summary>
public sealed class NotificationReplayTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);

    public ValueTask InitializeAsync() => _env.InitializeAsync();

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task EachUsersNotifications_AreNumbered1ToN_CarryTheirSeq_AndReplayAfterAPositionInBatches()
    {
        var service = _env.StartService();
        var (sender, bob, carol) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        // One conversation (one partition, so handled in this order); "three" names bob alone.
        var group = Guid.NewGuid();
        var messages = new[]
        {
            NotificationEvents.Message(group, sender, [sender, bob, carol], "one"),
            NotificationEvents.Message(group, sender, [sender, bob, carol], "two"),
            NotificationEvents.Message(group, sender, [sender, bob], "three"),
            NotificationEvents.Message(group, sender, [sender, bob, carol], "four"),
        };
        foreach (var message in messages)
        {
            await _env.PublishAsync(message);
        }

        var rows = await _env.WaitForAsync(db => db.Notifications.AsNoTracking().ToListAsync(), all => all.Count >= 7, "seven notifications");
        using var client = _env.ClientFor(service, bob);
        var first = (await client.GetFromJsonAsync<JsonObject>("/notifications/changes?after=1&limit=2", TestContext.Current.CancellationToken))!;
        var rest = (await client.GetFromJsonAsync<JsonObject>("/notifications/changes?after=3&limit=2", TestContext.Current.CancellationToken))!;
        using var negative = await client.GetAsync("/notifications/changes?after=-1", TestContext.Current.CancellationToken);

        Assert.Equal(["one", "two", "three", "four"], rows.Where(n => n.UserId == bob).OrderBy(n => n.Seq).Select(n => n.Message));
        Assert.Equal([1L, 2, 3, 4], rows.Where(n => n.UserId == bob).OrderBy(n => n.Seq).Select(n => n.Seq));
        Assert.Equal([1L, 2, 3], rows.Where(n => n.UserId == carol).OrderBy(n => n.Seq).Select(n => n.Seq));
        Assert.Equal([2L, 3], first["items"]!.AsArray().Select(n => n!["seq"]!.GetValue<long>()));
        Assert.Equal("three", first["items"]![1]!["message"]!.GetValue<string>());
        Assert.True(first["hasMore"]!.GetValue<bool>());
        Assert.Equal(4, first["latest"]!.GetValue<long>());
        Assert.Equal([4L], rest["items"]!.AsArray().Select(n => n!["seq"]!.GetValue<long>()));
        Assert.False(rest["hasMore"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        var events = await _env.QueryAsync(db => db.Database
            .SqlQuery<string>($"SELECT payload::text AS \"Value\" FROM outbox_messages WHERE topic = {Topics.NotificationCreated}").ToListAsync());
        Assert.Equal(7, events.Count(e => JsonNode.Parse(e)!["seq"] is not null));
    }

    [Fact]
    public async Task GroupsThatShareMembers_ListedInEveryOrder_NumberEachMembersNotificationsWithoutGapsOrRepeats()
    {
        // Two instances share the partitions, so conversations are handled concurrently.
        _env.StartService();
        _env.StartService();
        var sender = Guid.NewGuid();
        Guid[] members = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];
        // Six conversations (spread over the partitions), each naming the members in another order.
        var orders = new[] { members, [.. members.Reverse()], [members[2], members[0], members[3], members[1]],
            [members[1], members[3], members[0], members[2]], [members[3], members[2], members[0], members[1]], [members[0], members[2], members[1], members[3]] };
        var conversations = orders.Select(_ => Guid.NewGuid()).ToArray();
        foreach (var round in Enumerable.Range(1, 5))
        {
            foreach (var (order, conversation) in orders.Zip(conversations))
            {
                await _env.PublishAsync(NotificationEvents.Message(conversation, sender, [sender, .. order], $"round {round}"));
            }
        }

        var rows = await _env.WaitForAsync(db => db.Notifications.AsNoTracking().ToListAsync(), all => all.Count >= 120, "thirty notifications for each of four members");

        Assert.Equal(120, rows.Count);
        foreach (var member in members)
        {
            Assert.Equal(Enumerable.Range(1, 30).Select(seq => (long)seq), rows.Where(n => n.UserId == member).Select(n => n.Seq).Order());
        }
    }
}
