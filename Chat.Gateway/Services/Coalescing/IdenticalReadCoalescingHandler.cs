namespace Chat.Gateway.Services.Coalescing;

/// <summary>
/// Sends one call for identical reads in flight at the same time — same GET, same URL, same caller's token — and gives
/// each caller its own copy of the answer. One request of 1000 aliases of <c>unreadNotificationCount</c>, or many
/// clients of one user opening at once, then costs the service one call instead of 1000.
/// </summary>
/// <remarks>
/// It sits after the token is forwarded (the token is part of what identifies the answer) and before the resilience
/// pipeline, so the shared call has one set of retries and timeouts. The shared call is not cancelled when the caller
/// that started it gives up — the others still wait for it; the total timeout bounds it.
/// </remarks>
public sealed class IdenticalReadCoalescingHandler(InFlightReads inFlight) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Get || request.Content is not null || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var key = (request.RequestUri.ToString(), request.Headers.Authorization?.ToString());
        var answer = await inFlight
            .JoinOrStart(key, async () => await BufferedResponse.ReadAsync(
                await base.SendAsync(request, CancellationToken.None), CancellationToken.None))
            .WaitAsync(cancellationToken);
        return answer.ToResponse(request);
    }
}
