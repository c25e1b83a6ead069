using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>A dead or hanging Auth service yields SERVICE_UNAVAILABLE quickly, never a hung request or a 500.</summary>
public sealed class AuthUnavailableTests
{
    private const string Login = """mutation { login(input: { email: "alice@example.com", password: "secret-password" }) { accessToken } }""";

    [Fact]
    public async Task Login_WhenAuthRefusesConnections_ReturnsServiceUnavailableWithin5Seconds()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.SendAsync(GraphQLHttp.Post(Login), TestContext.Current.CancellationToken);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("SERVICE_UNAVAILABLE", json.FirstErrorCode());
        Assert.Equal("auth", json["errors"]![0]!["extensions"]!["service"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_WhenAuthAcceptsButNeverAnswers_ReturnsServiceUnavailableWithin5Seconds()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<Socket>();
        var acceptLoop = AcceptForeverAsync(silent, accepted);
        await using var factory = GatewayFactory.WithAuthAt(new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}"));
        using var client = factory.CreateClient();
        var clock = Stopwatch.StartNew();

        using var response = await client.SendAsync(GraphQLHttp.Post(Login), TestContext.Current.CancellationToken);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.Equal("SERVICE_UNAVAILABLE", (await response.ReadJsonAsync()).FirstErrorCode());
        silent.Stop();
        await acceptLoop;
        accepted.ForEach(socket => socket.Dispose());
    }

    [Fact]
    public async Task Me_WhenSigningKeysCannotBeFetched_ReturnsServiceUnavailableNotUnauthenticated()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(
            GraphQLHttp.Post("{ me { id } }", bearer: TestTokens.Create(TestTokens.NewKey())), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("SERVICE_UNAVAILABLE", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Me_WhenAuthComesBackAfterKeysFailed_AcceptsTokensAgain()
    {
        var authUrl = ClosedPort.Url();
        await using var factory = GatewayFactory.WithAuthAt(authUrl, ("Jwt:KeyRefetchMinInterval", "00:00:01"));
        using var client = factory.CreateClient();
        using (var whileDown = await client.SendAsync(
            GraphQLHttp.Post("{ me { id } }", bearer: TestTokens.Create(TestTokens.NewKey())), TestContext.Current.CancellationToken))
        {
            Assert.Equal("SERVICE_UNAVAILABLE", (await whileDown.ReadJsonAsync()).FirstErrorCode());
        }

        await using var keys = await AuthKeysServer.StartAsync(authUrl);
        var token = TestTokens.Create(keys.PublishNewKey());

        // Within a few refetch intervals the keys are fetched and the token validates (reaching /auth/me, a 404 here).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        string? code;
        do
        {
            using var response = await client.SendAsync(GraphQLHttp.Post("{ me { id } }", bearer: token), TestContext.Current.CancellationToken);
            code = (await response.ReadJsonAsync()).FirstErrorCode();
            if (code == "NOT_FOUND")
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal("NOT_FOUND", code);
    }

    private static async Task AcceptForeverAsync(TcpListener listener, List<Socket> accepted)
    {
        try
        {
            while (true)
            {
                accepted.Add(await listener.AcceptSocketAsync());
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The listener was stopped: the test is over.
        }
    }
}
