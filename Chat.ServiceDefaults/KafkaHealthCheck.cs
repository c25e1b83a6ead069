using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.ServiceDefaults;

/// <summary>Healthy when a broker of the cluster answers a metadata request.</summary>
public sealed class KafkaHealthCheck(KafkaClientConfigs configs) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(configs.Admin()).Build());

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var metadata = _admin.Value.GetMetadata(Timeout);
            return Task.FromResult(metadata.Brokers.Count > 0
                ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
                : HealthCheckResult.Unhealthy("no broker answered"));
        }
        catch (KafkaException exception)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Kafka is unreachable", exception));
        }
    }

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
