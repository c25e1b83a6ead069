namespace Chat.Tests.Gateway.Support;

/// <summary>One gateway for tests that need no Auth service (transport, limits); its Auth address is closed.</summary>
public sealed class GatewayWithAuthDown : IAsyncLifetime
{
    public GatewayFactory Factory { get; } = GatewayFactory.WithAuthDown();

    public HttpClient CreateClient() => Factory.CreateClient();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
