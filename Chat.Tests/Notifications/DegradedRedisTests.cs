using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.ServiceDefaults;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Chat.Tests.Notifications;

/// <summary>
/// A Redis that is connected but does not answer (every client paused): reads fall back to the database within
/// the wait the call budget allows a service, so the answer reaches the gateway before its attempt times out.
/// </summary>
public sealed class DegradedRedisTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);
    private RedisServer _ownRedis = null!;

    public async ValueTask InitializeAsync()
    {
        await _env.InitializeAsync();
        // Its own Redis: pausing the shared one would stall every other notification test.
        _ownRedis = await RedisServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _env.DisposeAsync();
        await _ownRedis.DisposeAsync();
    }

    [Fact]
    public async Task Reads_WhenRedisStopsAnswering_ComeFromTheDatabase_WithinTheGatewaysBudget()
    {
        // Arrange: two notifications for bob, read once (the cache is warm), then one marked read behind the cache.
        var ct = TestContext.Current.CancellationToken;
        var service = _env.StartService(new Dictionary<string, string?> { [$"ConnectionStrings:{ResourceNames.Redis}"] = _ownRedis.ConnectionString });
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "first"));
        await _env.PublishAsync(NotificationEvents.Message(Guid.NewGuid(), sender, [sender, bob], "second"));
        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.UserId == bob), count => count == 2, "two notifications");
        using var client = _env.ClientFor(service, bob);
        Assert.Equal(2, (await client.GetFromJsonAsync<JsonElement>("/notifications", ct)).GetProperty("unreadCount").GetInt32());
        await _env.QueryAsync(db => db.Notifications.Where(n => n.UserId == bob && n.Message == "first")
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Read, true), ct));
        var admin = ConfigurationOptions.Parse(_ownRedis.ConnectionString);
        admin.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(admin);

        // Act: Redis holds every command for 5 s while its connections stay up.
        await connection.GetServer(connection.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", "5000", "ALL");
        var clock = Stopwatch.StartNew();
        var page = await client.GetFromJsonAsync<JsonElement>("/notifications", ct);
        var pageTook = clock.Elapsed;
        clock.Restart();
        var count = await client.GetFromJsonAsync<JsonElement>("/notifications/unread-count", ct);
        var countTook = clock.Elapsed;

        // Assert: the database's view (one unread), each answer inside the production attempt budget.
        var budget = new CallBudgetOptions();
        TestContext.Current.TestOutputHelper?.WriteLine($"page {pageTook.TotalMilliseconds:F0} ms, count {countTook.TotalMilliseconds:F0} ms (Redis paused)");
        Assert.Equal(1, page.GetProperty("unreadCount").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(1, count.GetProperty("unreadCount").GetInt32());
        Assert.True(pageTook < budget.AttemptTimeout, $"the page took {pageTook.TotalMilliseconds:F0} ms");
        Assert.True(countTook < budget.AttemptTimeout, $"the count took {countTook.TotalMilliseconds:F0} ms");
    }
}
