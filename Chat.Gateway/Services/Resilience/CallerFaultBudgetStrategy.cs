using Chat.Gateway.Security;
using Polly;
using Polly.CircuitBreaker;

namespace Chat.Gateway.Services.Resilience;

/// <summary>
/// A circuit of one's own: refuses a call while its caller's <see cref="CallerFaultBudget"/> for the service is spent,
/// and spends from it for every failed answer. The caller is the one the gateway serves (user, else client IP,
/// else the gateway's own background work), read from the request being served.
/// </summary>
public sealed class CallerFaultBudgetStrategy(CallerFaultBudget budget, IHttpContextAccessor httpContextAccessor, string service)
    : ResilienceStrategy<HttpResponseMessage>
{
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback, ResilienceContext context, TState state)
    {
        var caller = CallerIdentity.PartitionKey(httpContextAccessor.HttpContext);
        if (!budget.IsLeftFor(caller))
        {
            return Outcome.FromException<HttpResponseMessage>(new BrokenCircuitException(
                $"The calls of this caller to the {service} service failed too often; the next is let through within {budget.RefillEach.TotalSeconds:0.#} s."));
        }

        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (DownstreamFaults.IsFailedAnswer(outcome))
        {
            budget.Spend(caller);
        }

        return outcome;
    }
}
