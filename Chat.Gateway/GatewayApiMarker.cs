namespace Chat.Gateway;

/// <summary>
/// Names the gateway's entry assembly for <c>WebApplicationFactory&lt;GatewayApiMarker&gt;</c>: every service has a
/// global <c>Program</c>, so a test project referencing several services cannot use that name unambiguously.
/// </summary>
public sealed class GatewayApiMarker
{
    private GatewayApiMarker()
    {
    }
}
