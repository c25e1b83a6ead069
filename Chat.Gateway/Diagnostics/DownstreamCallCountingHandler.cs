namespace Chat.Gateway.Diagnostics;

/// <summary>
/// Records every request a typed service client sends, under the service's name (service discovery may already
/// have replaced the host with an address).
/// </summary>
public sealed class DownstreamCallCountingHandler(DownstreamCallCounter counter, string service) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        counter.Record(service, request);
        return base.SendAsync(request, cancellationToken);
    }
}
