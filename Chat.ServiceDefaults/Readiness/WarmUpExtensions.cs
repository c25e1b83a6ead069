using Chat.ServiceDefaults.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class WarmUpExtensions
{
    /// <summary>Adds <paramref name="run"/> to what the service does before it reports ready (<see cref="StartupWarmUp"/>).</summary>
    public static IServiceCollection AddWarmUp(this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> run)
    {
        if (!services.Any(service => service.ServiceType == typeof(StartupWarmUp)))
        {
            services.AddSingleton<StartupWarmUp>();
            services.AddHostedService(provider => provider.GetRequiredService<StartupWarmUp>());
            services.AddHealthChecks().Add(new Diagnostics.HealthChecks.HealthCheckRegistration(
                "warm-up", provider => provider.GetRequiredService<StartupWarmUp>(), failureStatus: null, tags: ["ready"]));
        }

        services.AddSingleton(new WarmUpStep(name, run));
        return services;
    }

    /// <summary>
    /// Warms <typeparamref name="TContext"/>: its model, a pooled connection and the query pipeline, so the first
    /// request does not pay for them; <paramref name="queries"/> can add the service's hot queries.
    /// </summary>
    public static IServiceCollection AddDbContextWarmUp<TContext>(this IServiceCollection services, Func<TContext, CancellationToken, Task>? queries = null)
        where TContext : DbContext =>
        services.AddWarmUp(typeof(TContext).Name, async (provider, cancellationToken) =>
        {
            var db = provider.GetRequiredService<TContext>();
            await db.Database.ExecuteSqlRawAsync("SELECT 1", cancellationToken);
            if (queries is not null)
            {
                await queries(db, cancellationToken);
            }
        });

    /// <summary>
    /// Rehearses a hot write path before the service reports ready: <paramref name="rehearse"/> runs the real code
    /// (queries, change tracking, SaveChanges, outbox rows) in a transaction of <typeparamref name="TContext"/> that is
    /// rolled back, so nothing of it stays but a warm process. On a cold process that first pass takes seconds (JIT,
    /// EF query compilation) — time a client's first request would otherwise spend, past the gateway's budget.
    /// </summary>
    public static IServiceCollection AddRehearsal<TContext>(
        this IServiceCollection services, string name, Func<IServiceProvider, CancellationToken, Task> rehearse)
        where TContext : DbContext =>
        services.AddWarmUp(name, async (provider, cancellationToken) =>
        {
            var db = provider.GetRequiredService<TContext>();
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await rehearse(provider, cancellationToken);
                await transaction.RollbackAsync(cancellationToken);
            });
            db.ChangeTracker.Clear();
        });
}
