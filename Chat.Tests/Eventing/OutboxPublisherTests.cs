using Chat.Contracts;
using Chat.ServiceDefaults.Eventing.Outbox;
using Chat.Tests.Eventing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chat.Tests.Eventing;

public sealed class OutboxPublisherTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly KafkaMockCluster _kafka = new();
    private SchemaRegistryServer _registry = null!;
    private string _database = null!;

    public async ValueTask InitializeAsync()
    {
        _registry = await SchemaRegistryServer.StartAsync();
        _database = await postgres.CreateDatabaseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _registry.DisposeAsync();
        _kafka.Dispose();
    }

    private IHost PublisherHost() =>
        EventingTestHost.Build(_kafka.BootstrapServers, _registry.Url, _database, builder => builder.AddOutbox<EventingTestDbContext>());

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
        var received = await TopicReader.ReadUntilAsync(_kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= events.Count, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken); // room for a wrong second send to show up
        var all = await TopicReader.ReadUntilAsync(_kafka.BootstrapServers, Topics.MessageCreated, r => r.Count >= received.Count, Timeout);
        await restarted.StopAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal(events.Select(e => e.EventId), all.Select(TestEvents.EventIdOf));
        await using var check = restarted.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<EventingTestDbContext>().Set<OutboxMessage>()
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(rows, row => Assert.NotNull(row.SentAt));
    }
}
