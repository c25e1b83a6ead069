using Chat.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class KafkaExtensions
{
    /// <summary>
    /// Registers <see cref="KafkaClientConfigs"/> for the cluster at <c>ConnectionStrings:{connectionName}</c> and its
    /// health check, configured like Aspire.Confluent.Kafka (see <see cref="KafkaClientSettings"/>). Producer and consumer
    /// spans and metrics are the event backbone's own (<c>Chat.Eventing</c>), after OpenTelemetry's messaging conventions.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaClients(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = KafkaClientSettings.Read(builder.Configuration, connectionName);
        builder.Services.AddSingleton(new KafkaClientConfigs(settings, builder.Environment.ApplicationName));
        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddSingleton<KafkaHealthCheck>();
            builder.Services.AddHealthChecks().AddCheck<KafkaHealthCheck>(connectionName, tags: ["ready"]);
        }
        return builder;
    }
}
