using Chat.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

public static class PostgresExtensions
{
    /// <summary>
    /// Registers a pooled <typeparamref name="TContext"/> on PostgreSQL from <c>ConnectionStrings:{connectionName}</c>,
    /// as Aspire's Npgsql EF Core integration does: snake_case names, Npgsql tracing, a health check,
    /// migrations applied before the service starts listening, and the context warmed before it reports ready.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<DbContextOptionsBuilder>? configure = null)
        where TContext : DbContext
    {
        var connectionString = ConnectionStrings.GetRequired(builder.Configuration, connectionName);

        builder.Services.AddDbContextPool<TContext>(options =>
        {
            options.UseNpgsql(connectionString, npgsql => npgsql
                    .EnableRetryOnFailure()
                    .ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing => tracing
                        .ConfigureCommandSpanNameProvider(SqlSpanNames.ForCommand)
                        .ConfigureBatchSpanNameProvider(SqlSpanNames.ForBatch))))
                .UseSnakeCaseNamingConvention();
            configure?.Invoke(options);
        });

        builder.Services.AddHealthChecks().AddNpgSql(connectionString, name: connectionName, tags: ["ready"]);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddNpgsql());
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(services, connectionString));
        builder.Services.AddDbContextWarmUp<TContext>();
        return builder;
    }
}
