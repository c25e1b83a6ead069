using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.ServiceDefaults;

/// <summary>Healthy when a broker of the cluster answers a metadata request.</summary>
public sealed class KafkaHealthCheck(KafkaClientConfigs configs) : IHealthCheck, IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(configs.Admin()).Build());

    // GetMetadata blocks; run it off the request thread.
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            try
            {
                var metadata = _admin.Value.GetMetadata(Timeout);
                return metadata.Brokers.Count > 0
                    ? HealthCheckResult.Healthy($"{metadata.Brokers.Count} broker(s)")
                    : HealthCheckResult.Unhealthy("no broker answered");
            }
            catch (KafkaException exception)
            {
                return HealthCheckResult.Unhealthy("Kafka is unreachable", exception);
            }
        }, cancellationToken);

    public void Dispose()
    {
        if (_admin.IsValueCreated)
        {
            _admin.Value.Dispose();
        }
    }
}
