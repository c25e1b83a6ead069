using Chat.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class KafkaExtensions
{
    /// <summary>
    /// Registers <see cref="KafkaClientConfigs"/> for the cluster at <c>ConnectionStrings:{connectionName}</c>
    /// (bootstrap servers) with a health check. Settings under <c>Kafka:Producer</c> and <c>Kafka:Consumer</c>
    /// refine the defaults, e.g. <c>Kafka__Consumer__FetchWaitMaxMs=5</c> against the local mock cluster.
    /// </summary>
    public static IHostApplicationBuilder AddKafkaClients(this IHostApplicationBuilder builder, string connectionName)
    {
        var bootstrapServers = ConnectionStrings.GetRequired(builder.Configuration, connectionName);
        builder.Services.AddSingleton(new KafkaClientConfigs(bootstrapServers, builder.Configuration, builder.Environment.ApplicationName));
        builder.Services.AddSingleton<KafkaHealthCheck>();
        builder.Services.AddHealthChecks().AddCheck<KafkaHealthCheck>(connectionName, tags: ["ready"]);
        return builder;
    }
}
