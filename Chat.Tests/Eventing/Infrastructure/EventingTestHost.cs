using Chat.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chat.Tests.Eventing.Infrastructure;

/// <summary>Builds a service host the way our services wire the event backbone, against the test's infrastructure.</summary>
public static class EventingTestHost
{
    public const string DatabaseName = "eventing-db";

    public static IHost Build(
        string kafka, string registryUrl, string database, Action<HostApplicationBuilder> configure, bool autoRegister = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{ResourceNames.Kafka}"] = kafka,
            [$"ConnectionStrings:{ResourceNames.SchemaRegistry}"] = registryUrl,
            [$"ConnectionStrings:{DatabaseName}"] = database,
            ["Kafka:Schemas:AutoRegister"] = autoRegister ? "true" : "false",
            // What the local mock cluster needs (SPEC §2): quick rejoins and no long-held empty fetches.
            ["Aspire:Confluent:Kafka:Consumer:Config:SessionTimeoutMs"] = "6000",
            ["Aspire:Confluent:Kafka:Consumer:Config:HeartbeatIntervalMs"] = "500",
            ["Aspire:Confluent:Kafka:Consumer:Config:FetchWaitMaxMs"] = "5",
            ["Kafka:Outbox:PollInterval"] = "00:00:00.200",
            ["Kafka:Consumers:InitialBackoff"] = "00:00:00.050",
        });
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.Services.AddDbContextPool<EventingTestDbContext>(options => options
            .UseNpgsql(database, npgsql => npgsql.EnableRetryOnFailure())
            .UseSnakeCaseNamingConvention());
        configure(builder);
        return builder.Build();
    }

    public static async Task CreateSchemaAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<EventingTestDbContext>().Database.EnsureCreatedAsync();
    }
}
