using Chat.SchemaRegistry.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chat.SchemaRegistry;

/// <summary>Ready only while the data directory takes writes: a registry that cannot persist must not accept schemas.</summary>
internal sealed class SchemaStoreHealthCheck(SchemaStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ProbeWritableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The schema store's data directory is not writable.", exception);
        }
    }
}
