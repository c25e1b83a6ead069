using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Chat.AppHost.Resources.Redis;

/// <summary><c>AddNativeRedis</c>: Aspire's Redis hosting integration, minus the container.</summary>
public static class NativeRedisBuilderExtensions
{
    public const string InstallHint = "redis-server not found: install it with `sudo apt-get install -y redis-server`.";

    public static IResourceBuilder<NativeRedisResource> AddNativeRedis(this IDistributedApplicationBuilder builder, string name, ChatDataFolder data, int? port = null)
    {
        var redisServer = FindServer() ?? throw new DistributedApplicationException(InstallHint);
        var password = builder.AddParameter($"{name}-password", data.SecretFor(name), secret: true);
        var redis = new NativeRedisResource(name, redisServer, data.PathFor("redis", name), password.Resource);
        Directory.CreateDirectory(redis.DataDirectory);
        var healthCheckKey = $"{name}-check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheckKey,
            _ => new RedisPingHealthCheck(redis), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(5)));

        return builder.AddResource(redis)
            .WithEndpoint(port: port, name: NativeRedisResource.EndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--requirepass");
                context.Args.Add(redis.Password);
            })
            .WithArgs(
                "--bind", "127.0.0.1 -::1",
                "--dir", redis.DataDirectory,
                "--appendonly", "yes",
                "--appendfsync", "everysec",
                "--daemonize", "no",
                "--save", "")
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey);
    }

    public static string? FindServer() =>
        new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, "redis-server")))
            .FirstOrDefault(File.Exists);

    private sealed class RedisPingHealthCheck(NativeRedisResource redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var options = ConfigurationOptions.Parse(await redis.ConnectionStringExpression.GetValueAsync(cancellationToken) ?? "");
                options.ConnectTimeout = 2_000;
                options.AbortOnConnectFail = true;
                await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
                await connection.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (RedisException exception)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        }
    }
}
