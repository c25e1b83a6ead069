using Chat.Contracts;
using Chat.ServiceDefaults.Eventing.Outbox;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Chat.Tests.Eventing;

public sealed class OutboxPublisherTests(EventingPostgres postgres) : EventingTest(postgres)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private IHost PublisherHost(int batchSize = 200, string pollInterval = "00:00:00.200") =>
        BuildHost(builder =>
        {
            builder.Configuration["Kafka:Outbox:BatchSize"] = batchSize.ToString();
            builder.Configuration["Kafka:Outbox:PollInterval"] = pollInterval;
            builder.AddOutbox<EventingTestDbContext>();
        });

    [Fact]
    public async Task Publisher_WhenRowsWereCommittedWhileNoPublisherRan_SendsEachExactlyOnce()
    {
        // Arrange: events committed with their state change, then the process "dies" before publishing.
        var conversation = Guid.NewGuid();
        var events = Enumerable.Range(0, 5).Select(i => TestEvents.MessageCreated(conversation, $"message {i}")).ToList();
        using (var crashed = PublisherHost())
        {
            await EventingTestHost.CreateSchemaAsync(crashed);
            await using var scope = crashed.Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            events.ForEach(e => database.AddIntegrationEvent(e));
            await database.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // Act: a new instance starts.
        using var restarted = PublisherHost();
        await restarted.StartAsync(TestContext.Current.CancellationToken);
        var received = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= events.Count, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // room for a wrong second send to show up
        var all = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= received.Count, Timeout);
        await restarted.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(events.Select(e => e.EventId), all.Select(TestEvents.EventIdOf));
        await using var check = restarted.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<EventingTestDbContext>().Set<OutboxMessage>()
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(rows, row => Assert.NotNull(row.SentAt));
    }

    [Theory]
    [InlineData(7)] // fewer than the keys: batches of key heads only, many contended rounds
    [InlineData(50)] // more than the keys: heads plus the later rows of their keys
    public async Task TwoPublishers_WhenShippingOneTableConcurrently_SendEachEventExactlyOnceInOrderPerKey(int batchSize)
    {
        // Arrange: two instances on one outbox, small batches so they contend many times.
        var ct = TestContext.Current.CancellationToken;
        using var first = PublisherHost(batchSize);
        using var second = PublisherHost(batchSize);
        await EventingTestHost.CreateSchemaAsync(first);
        var conversations = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        var events = Enumerable.Range(0, 200).Select(i => TestEvents.MessageCreated(conversations[i % conversations.Count], $"message {i}")).ToList();
        await first.StartAsync(ct);
        await second.StartAsync(ct);

        // Act: the events are written while both publishers run, in transactions of 10, alternating writers.
        foreach (var (chunk, index) in events.Chunk(10).Select((chunk, index) => (chunk, index)))
        {
            await using var scope = (index % 2 == 0 ? first : second).Services.CreateAsyncScope();
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            foreach (var e in chunk)
            {
                database.AddIntegrationEvent(e);
            }
            await database.SaveChangesAsync(ct);
        }
        var received = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= events.Count, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // room for a wrong second send to show up
        var all = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= received.Count, Timeout);
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));

        // Assert: every event exactly once...
        Assert.Equal(events.Count, all.Count);
        Assert.Equal(events.Select(e => e.EventId).Order(), all.Select(TestEvents.EventIdOf).Order());
        // ...and, per conversation, in the order the events were written.
        foreach (var conversation in conversations)
        {
            var written = events.Where(e => e.ConversationId == conversation).Select(e => e.EventId);
            var sent = all.Where(r => r.Message.Key == conversation.ToString()).Select(TestEvents.EventIdOf);
            Assert.Equal(written, sent);
        }
    }

    [Fact]
    public async Task TwoPublishers_WhenTheBacklogIsManyClaimWindowsLong_SendEachEventExactlyOnceInOrderPerKey()
    {
        // Arrange: a backlog committed while no publisher ran, 24 claim windows long (batches of 20 look at the
        // oldest 80 unsent rows): three busy keys, each with a run of rows longer than a window, between them keys
        // with a single row, so claims see windows of one key, of few keys and of many.
        var ct = TestContext.Current.CancellationToken;
        using var first = PublisherHost(batchSize: 20);
        using var second = PublisherHost(batchSize: 20);
        await EventingTestHost.CreateSchemaAsync(first);
        var busy = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToList();
        var events = Enumerable.Range(0, 1920).Select(i => TestEvents.MessageCreated(
            i % 16 == 15 ? Guid.NewGuid() : busy[i / 200 % busy.Count], $"message {i}")).ToList();
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            events.ForEach(e => database.AddIntegrationEvent(e));
            await database.SaveChangesAsync(ct);
        }

        // Act: both start at once, so they contend for the same windows from the first claim on.
        await Task.WhenAll(first.StartAsync(ct), second.StartAsync(ct));
        var received = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= events.Count, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // room for a wrong second send to show up
        var all = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= received.Count, Timeout);
        await Task.WhenAll(first.StopAsync(ct), second.StopAsync(ct));

        // Assert: every event exactly once, and each key's in the order written.
        Assert.Equal(events.Select(e => e.EventId).Order(), all.Select(TestEvents.EventIdOf).Order());
        foreach (var conversation in busy)
        {
            var written = events.Where(e => e.ConversationId == conversation).Select(e => e.EventId);
            var sent = all.Where(r => r.Message.Key == conversation.ToString()).Select(TestEvents.EventIdOf);
            Assert.Equal(written, sent);
        }
        Assert.Equal(0, await CountUnsentAsync(first));
    }

    [Fact]
    public async Task Publisher_WhenAnotherPublisherDiedHoldingClaimedRows_SendsThemOnceItsTransactionIsGone()
    {
        // Arrange: committed rows, claimed (row-locked) by a publisher that then hangs/dies before marking them sent.
        var ct = TestContext.Current.CancellationToken;
        using var host = PublisherHost();
        await EventingTestHost.CreateSchemaAsync(host);
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.MessageCreated(Guid.NewGuid(), $"message {i}")).ToList();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            events.ForEach(e => database.AddIntegrationEvent(e));
            await database.SaveChangesAsync(ct);
        }
        var dying = new NpgsqlConnection(Database);
        await dying.OpenAsync(ct);
        await using var claim = await dying.BeginTransactionAsync(ct);
        await new NpgsqlCommand("SELECT id FROM outbox_messages FOR UPDATE", dying, claim).ExecuteNonQueryAsync(ct);

        var databaseName = new NpgsqlConnectionStringBuilder(Database).Database;
        using var pending = new GaugeReader("chat.eventing.outbox.pending", tags => Equals(tags.GetValueOrDefault("db.namespace"), databaseName));

        // Act: a healthy publisher runs several poll cycles while the rows are held, then the holder dies.
        await host.StartAsync(ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // a negative check needs time: five poll intervals
        var unsentWhileHeld = await CountUnsentAsync(host);
        var backlogWhileHeld = await pending.WaitForAsync(value => value >= events.Count);
        await dying.DisposeAsync(); // connection gone: its transaction rolls back and the locks are released
        var received = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= events.Count, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1), ct); // room for a wrong second send to show up
        var all = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= received.Count, Timeout);
        await host.StopAsync(ct);

        // Assert
        Assert.Equal(events.Count, unsentWhileHeld);
        Assert.Equal(events.Count, backlogWhileHeld);
        Assert.Equal(events.Select(e => e.EventId).Order(), all.Select(TestEvents.EventIdOf).Order());
        Assert.Equal(0, await CountUnsentAsync(host));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)] // saved inside a longer transaction: the signal must wait for its commit
    [InlineData(true, true)] // ...and the change tracker emptied before it, as a consumer batch does after each event
    public async Task Publisher_WhenThisProcessSavesAnEvent_SendsItWithoutWaitingForThePoll(bool inExplicitTransaction, bool untrackedAtCommit)
    {
        // Arrange: a poll interval far longer than the test, so only the save signal can explain a send.
        var ct = TestContext.Current.CancellationToken;
        using var host = PublisherHost(pollInterval: "00:10:00");
        await EventingTestHost.CreateSchemaAsync(host);
        await host.StartAsync(ct);
        await Task.Delay(TimeSpan.FromMilliseconds(500), ct); // let the start-up pass find the outbox empty and go to sleep
        var @event = TestEvents.MessageCreated(Guid.NewGuid(), "right away");

        // Act
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<EventingTestDbContext>();
            database.AddIntegrationEvent(@event);
            if (inExplicitTransaction)
            {
                await database.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
                {
                    await using var transaction = await database.Database.BeginTransactionAsync(ct);
                    await database.SaveChangesAsync(ct);
                    if (untrackedAtCommit)
                    {
                        database.ChangeTracker.Clear();
                    }
                    await Task.Delay(TimeSpan.FromMilliseconds(500), ct); // a signal at SaveChanges would find nothing committed
                    await transaction.CommitAsync(ct);
                });
            }
            else
            {
                await database.SaveChangesAsync(ct);
            }
        }
        var received = await TopicReader.ReadUntilAsync(Kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= 1, Timeout);
        await host.StopAsync(ct);

        // Assert
        Assert.Equal(@event.EventId, TestEvents.EventIdOf(Assert.Single(received)));
    }

    private static async Task<int> CountUnsentAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventingTestDbContext>().Set<OutboxMessage>()
            .CountAsync(m => m.SentAt == null, TestContext.Current.CancellationToken);
    }
}
