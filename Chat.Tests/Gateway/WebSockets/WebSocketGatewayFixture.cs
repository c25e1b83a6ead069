using Chat.Tests.Gateway.Support;
using Microsoft.IdentityModel.Tokens;

namespace Chat.Tests.Gateway.WebSockets;

/// <summary>
/// One in-process gateway for the protocol tests (each test has its own connection and user, so they share
/// nothing else): connection_init timeout 0.5 s, messages up to 2 KiB, keys served by <see cref="AuthKeysServer"/>.
/// </summary>
public sealed class WebSocketGatewayFixture : IAsyncLifetime
{
    private AuthKeysServer keys = null!;

    public ECDsaSecurityKey SigningKey { get; private set; } = null!;

    public GatewayFactory Factory { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        keys = await AuthKeysServer.StartAsync();
        SigningKey = keys.PublishNewKey();
        Factory = GatewayFactory.WithAuthAt(keys.Url,
            ("WebSockets:ConnectionInitTimeout", "00:00:00.500"),
            ("WebSockets:MaxMessageBytes", "2048"));
        _ = Factory.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await keys.DisposeAsync();
    }
}
