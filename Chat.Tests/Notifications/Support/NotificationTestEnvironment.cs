using System.Net.Http.Headers;
using Chat.Contracts;
using Chat.Notifications.Data;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Eventing;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Gateway.Support;
using Chat.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Notifications.Support;

/// <summary>
/// What one notification test runs against, all real: the AppHost's mock Kafka cluster with every topic, the real
/// schema registry, its own database on the shared test Postgres, the shared test Redis, and Auth's published keys
/// (the keys double) to sign access tokens. Services started here are stopped with it.
/// </summary>
public sealed class NotificationTestEnvironment(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private readonly List<NotificationServiceFactory> _services = [];
    private KafkaMockCluster _kafka = null!;
    private RegistryServer _registry = null!;
    private AuthKeysServer _keys = null!;
    private SecurityKey _signingKey = null!;
    private IHost _producerHost = null!;

    public string Database { get; private set; } = null!;

    public NotificationsRedis Redis => redis;

    public string KafkaBootstrapServers => _kafka.BootstrapServers;

    public async ValueTask InitializeAsync()
    {
        _kafka = new KafkaMockCluster();
        _registry = RegistryServer.Start();
        _keys = await AuthKeysServer.StartAsync();
        _signingKey = _keys.PublishNewKey();
        Database = await postgres.CreateDatabaseAsync();
        // Events are published by a separate host's real producer, as another service would, so stopping the
        // service under test never stops the stream.
        _producerHost = EventingTestHost.Build(_kafka.BootstrapServers, _registry.Url, Database, builder => builder.AddEventing());
    }

    /// <summary>Starts an instance of the service (migrations applied, consumer joining) with optional extra settings.</summary>
    public NotificationServiceFactory StartService(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            [$"ConnectionStrings:{ResourceNames.NotificationDb}"] = Database,
            [$"ConnectionStrings:{ResourceNames.Redis}"] = redis.ConnectionString,
            [$"ConnectionStrings:{ResourceNames.Kafka}"] = _kafka.BootstrapServers,
            [$"ConnectionStrings:{ResourceNames.SchemaRegistry}"] = _registry.Url,
            ["services:auth:http:0"] = _keys.Url.ToString().TrimEnd('/'),
            ["Kafka:Schemas:AutoRegister"] = "true",
            // What the local mock cluster needs (SPEC §2): quick rejoins and no long-held empty fetches.
            ["Aspire:Confluent:Kafka:Consumer:Config:SessionTimeoutMs"] = "6000",
            ["Aspire:Confluent:Kafka:Consumer:Config:HeartbeatIntervalMs"] = "500",
            ["Aspire:Confluent:Kafka:Consumer:Config:FetchWaitMaxMs"] = "5",
            ["Kafka:Outbox:PollInterval"] = "00:00:00.200",
            ["Kafka:Consumers:InitialBackoff"] = "00:00:00.050",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var service = new NotificationServiceFactory(settings);
        _ = service.Server; // starts the host: migrations, consumer, outbox publisher
        _services.Add(service);
        return service;
    }

    public async Task StopServiceAsync(NotificationServiceFactory service)
    {
        _services.Remove(service);
        await service.DisposeAsync();
    }

    public Task PublishAsync(IntegrationEvent @event) =>
        _producerHost.Services.GetRequiredService<IntegrationEventProducer>().PublishAsync(@event, TestContext.Current.CancellationToken);

    /// <summary>A client of <paramref name="service"/> signed in as <paramref name="userId"/>.</summary>
    public HttpClient ClientFor(NotificationServiceFactory service, Guid userId)
    {
        var client = service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(_signingKey, userId));
        return client;
    }

    /// <summary>The service's database read directly, independent of any running instance.</summary>
    public async Task<T> QueryAsync<T>(Func<NotificationDbContext, Task<T>> query)
    {
        await using var db = new NotificationDbContext(new DbContextOptionsBuilder<NotificationDbContext>()
            .UseNpgsql(Database).UseSnakeCaseNamingConvention().Options);
        return await query(db);
    }

    /// <summary>Polls the database until <paramref name="done"/> holds for the query's result.</summary>
    public async Task<T> WaitForAsync<T>(Func<NotificationDbContext, Task<T>> query, Func<T, bool> done, string what) =>
        await Eventually.ReturnsAsync(() => QueryAsync(query), done, Timeout, what);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.ToList())
        {
            await service.DisposeAsync();
        }

        _producerHost.Dispose();
        await _keys.DisposeAsync();
        await _registry.DisposeAsync();
        _kafka.Dispose();
    }
}
