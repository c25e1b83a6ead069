using System.Diagnostics;
using Chat.AppHost.Hosting;
using Chat.AppHost.Resources;
using Chat.Contracts;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Confluent.Kafka;
using Npgsql;
using StackExchange.Redis;

namespace Chat.Tests.AppHost;

[Collection(DistributedAppCollection.Name)]
public sealed class DistributedAppTests(DistributedAppFixture fixture)
{
    private static readonly string[] Databases = [ResourceNames.AuthDb, ResourceNames.ChatDb, ResourceNames.PresenceDb, ResourceNames.NotificationDb];

    [Fact]
    public async Task EveryResource_AfterStart_IsRunningAndHealthy()
    {
        var notHealthy = fixture.App.Resources
            .Where(r => r.State != ResourceState.Running || r.Health != ResourceHealth.Healthy)
            .Select(r => $"{r.Name}: {r.State}/{r.Health}")
            .ToList();
        Assert.Empty(notHealthy);
        Assert.Equal(14, fixture.App.Resources.Count); // 6 infrastructure + registry + 5 services + a second gateway and presence

        using var gateway = fixture.CreateClient(ResourceNames.Gateway);
        using var health = await gateway.GetAsync("/health", TestContext.Current.CancellationToken);
        Assert.True(health.IsSuccessStatusCode, $"gateway /health answered {(int)health.StatusCode}");
    }

    [Fact]
    public async Task Databases_AreFourSeparateServers_EachWithItsOwnDataDirectory()
    {
        var servers = new HashSet<(string DataDirectory, int Port)>();
        foreach (var name in Databases)
        {
            var probe = new NpgsqlConnectionStringBuilder(fixture.ConnectionStringOf(name)) { Database = "postgres" };
            await using var connection = new NpgsqlConnection(probe.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("SELECT current_setting('data_directory'), inet_server_port()", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            servers.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        Assert.Equal(4, servers.Count);
        Assert.Equal(4, servers.Select(s => s.DataDirectory).Distinct().Count());
        Assert.Equal(4, Databases.Select(name => fixture.App[name].ProcessId).Distinct().Count());
        Assert.All(servers, s => Assert.StartsWith(fixture.DataDirectory, s.DataDirectory, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostgresServers_RunAsTheUnprivilegedPostgresUser()
    {
        var pid = fixture.App[ResourceNames.AuthDb].ProcessId!.Value;
        var status = await File.ReadAllLinesAsync($"/proc/{pid}/status", TestContext.Current.CancellationToken);
        var uid = status.Single(line => line.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.NotEqual("0", uid);
    }

    [Fact]
    public async Task Redis_HasAppendOnlyFilePersistenceOn()
    {
        var options = ConfigurationOptions.Parse(fixture.ConnectionStringOf(ResourceNames.Redis));
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var appendOnly = await server.ConfigGetAsync("appendonly");
        Assert.Equal("yes", Assert.Single(appendOnly).Value);
    }

    [Fact]
    public async Task Topics_ExistWithTheirIntendedPartitionCounts()
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = fixture.ConnectionStringOf(ResourceNames.Kafka) }).Build();
        var metadata = await Task.Run(() => admin.GetMetadata(TimeSpan.FromSeconds(10)), TestContext.Current.CancellationToken);
        var partitions = metadata.Topics.ToDictionary(t => t.Topic, t => t.Partitions.Count);
        foreach (var topic in Topics.AllWithDeadLetters)
        {
            Assert.True(partitions.ContainsKey(topic.Name), $"topic {topic.Name} is missing");
            Assert.Equal(topic.Partitions, partitions[topic.Name]);
        }
        Assert.Equal(3, partitions[Topics.MessageCreated]);
    }

    [Fact]
    public async Task Kafka_MessageProducedByAnotherProcess_IsConsumedInAConsumerGroup()
    {
        var bootstrap = fixture.ConnectionStringOf(ResourceNames.Kafka);
        var topic = Topics.NotificationCreated;
        var marker = $"round-trip-{Guid.NewGuid():N}";
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = 5,
            SessionTimeoutMs = 6000,
        }).Build();
        consumer.Subscribe(topic);

        // kcat is a separate process speaking the Kafka protocol with its own client library.
        await RunAsync("kcat", ["-P", "-b", bootstrap, "-t", topic, "-k", "round-trip"], stdin: marker);

        var received = await Task.Run(() =>
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                var result = consumer.Consume(TimeSpan.FromMilliseconds(500));
                if (result?.Message.Value == marker)
                {
                    consumer.Commit(result);
                    return result;
                }
            }
            return null;
        }, TestContext.Current.CancellationToken);

        Assert.NotNull(received);
        Assert.Equal("round-trip", received.Message.Key);
        consumer.Close();
    }

    [Fact]
    public async Task KilledService_IsReportedAndRestarted()
    {
        var service = fixture.App[ResourceNames.Notifications];
        var killedPid = service.ProcessId!.Value;
        var restartsBefore = service.RestartCount;
        var states = new List<ResourceState>();
        service.Changed += resource => { lock (states) { states.Add(resource.State); } };

        Process.GetProcessById(killedPid).Kill();

        await Eventually.TrueAsync(
            () => service.RestartCount == restartsBefore + 1 && service.Health == ResourceHealth.Healthy && service.ProcessId != killedPid,
            TimeSpan.FromSeconds(60), "the killed service to be restarted and healthy");
        lock (states)
        {
            Assert.Contains(ResourceState.Restarting, states);
        }
        Assert.Contains(service.Log.Snapshot(), line => line.Text.Contains("exited with code", StringComparison.Ordinal));
    }

    [Fact]
    public void ProjectResources_GetAspireStyleEnvironment()
    {
        var gateway = (ProjectResource)fixture.App[ResourceNames.Gateway];
        var environment = gateway.ResolveEnvironment();
        Assert.Equal(((ProjectResource)fixture.App[ResourceNames.Auth]).Url, environment["services__auth__http__0"]);
        Assert.Equal(fixture.ConnectionStringOf(ResourceNames.Redis), environment["ConnectionStrings__redis"]);

        var auth = ((ProjectResource)fixture.App[ResourceNames.Auth]).ResolveEnvironment();
        Assert.Equal(fixture.ConnectionStringOf(ResourceNames.AuthDb), auth["ConnectionStrings__auth-db"]);
        Assert.Equal(fixture.ConnectionStringOf(ResourceNames.Kafka), auth["ConnectionStrings__kafka"]);
        Assert.DoesNotContain("ConnectionStrings__chat-db", auth.Keys);
    }

    private static async Task RunAsync(string fileName, IEnumerable<string> arguments, string stdin)
    {
        var startInfo = new ProcessStartInfo(fileName) { RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        await process.StandardInput.WriteLineAsync(stdin);
        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{fileName} failed: {await process.StandardError.ReadToEndAsync()}");
    }
}
