using Chat.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service adds to Aspire's <c>AddNpgsqlDbContext</c> (pooled context, retries, health check, tracing and
/// metrics from <c>ConnectionStrings:&lt;name&gt;</c>): snake_case names, SQL span names, and migrations at start.
/// </summary>
public static class PostgresExtensions
{
    /// <summary>Pass as <c>configureDbContextOptions</c> of <c>AddNpgsqlDbContext</c>.</summary>
    public static void UseChatConventions(this DbContextOptionsBuilder options) =>
        options
            .UseNpgsql(npgsql => npgsql.ConfigureDataSource(dataSource => dataSource.ConfigureTracing(tracing => tracing
                .ConfigureCommandSpanNameProvider(SqlSpanNames.ForCommand)
                .ConfigureBatchSpanNameProvider(SqlSpanNames.ForBatch))))
            .UseSnakeCaseNamingConvention();

    /// <summary>
    /// Creates the database of <c>ConnectionStrings:{connectionName}</c> and applies pending migrations before the
    /// service starts listening; a missing connection string stops the service at start with the key named.
    /// </summary>
    public static IHostApplicationBuilder AddMigrationsAtStart<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
    {
        var connectionString = ConnectionStrings.GetRequired(builder.Configuration, connectionName);
        builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<DatabaseMigrator<TContext>>(services, connectionString));
        return builder;
    }
}
