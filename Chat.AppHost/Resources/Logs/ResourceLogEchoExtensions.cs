using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;

namespace Chat.AppHost.Resources.Logs;

public static class ResourceLogEchoExtensions
{
    /// <summary>Echoes resource logs to standard output when <c>Chat:EchoResourceLogs</c> is true.</summary>
    public static IDistributedApplicationBuilder AddResourceLogEchoIfConfigured(this IDistributedApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue(ResourceLogEcho.ConfigurationKey, false))
        {
            builder.Services.TryAddEventingSubscriber<ResourceLogEcho>();
        }
        return builder;
    }
}
