namespace Chat.Gateway.Diagnostics;

/// <summary>Records every request a typed service client sends (before resilience, so retries count once).</summary>
public sealed class DownstreamCallCountingHandler(DownstreamCallCounter counter) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Record(request);
        return base.SendAsync(request, cancellationToken);
    }
}
