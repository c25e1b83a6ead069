using Chat.Tests.Infrastructure;

namespace Chat.Tests.EndToEnd;

/// <summary>The auth story through the real gateway and the real Auth service of the running distributed app.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class AuthThroughGatewayTests(DistributedAppFixture fixture) : IDisposable
{
    private const string Register = """
        mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken user { id email username } } }
        """;
    private const string Login = """
        mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id username } } }
        """;
    private const string Refresh = "mutation($token: String!) { refreshToken(refreshToken: $token) { accessToken refreshToken } }";
    private const string Logout = "mutation($token: String!) { logout(refreshToken: $token) }";
    private const string Me = "{ me { id email username } }";

    private readonly GraphQLClient _client = new(fixture.GatewayUrl);

    [Fact]
    public async Task RegisterLoginMeRefreshReuseLogout_BehavesLikeASecureSession()
    {
        var name = "alice" + Guid.NewGuid().ToString("N")[..8];
        var email = $"{name}@example.com";

        var registered = (await _client.SendAsync(Register, new { input = new { email, username = name, password = "correct horse 1" } })).EnsureNoErrors();
        var userId = registered.Data!["register"]!["user"]!["id"]!.GetValue<string>();

        var login = (await _client.SendAsync(Login, new { input = new { email, password = "correct horse 1" } })).EnsureNoErrors();
        var access = login.Data!["login"]!["accessToken"]!.GetValue<string>();
        var firstRefresh = login.Data!["login"]!["refreshToken"]!.GetValue<string>();

        var me = (await _client.SendAsync(Me, accessToken: access)).EnsureNoErrors();
        Assert.Equal(userId, me.Data!["me"]!["id"]!.GetValue<string>());
        Assert.Equal(name, me.Data!["me"]!["username"]!.GetValue<string>());

        var rotated = (await _client.SendAsync(Refresh, new { token = firstRefresh })).EnsureNoErrors();
        var secondRefresh = rotated.Data!["refreshToken"]!["refreshToken"]!.GetValue<string>();
        Assert.NotEqual(firstRefresh, secondRefresh);

        var reuse = await _client.SendAsync(Refresh, new { token = firstRefresh });
        Assert.Equal(["UNAUTHENTICATED"], reuse.ErrorCodes);

        var afterReuse = await _client.SendAsync(Refresh, new { token = secondRefresh });
        Assert.Equal(["UNAUTHENTICATED"], afterReuse.ErrorCodes);

        var relogin = (await _client.SendAsync(Login, new { input = new { email, password = "correct horse 1" } })).EnsureNoErrors();
        var freshAccess = relogin.Data!["login"]!["accessToken"]!.GetValue<string>();
        var freshRefresh = relogin.Data!["login"]!["refreshToken"]!.GetValue<string>();
        (await _client.SendAsync(Logout, new { token = freshRefresh }, freshAccess)).EnsureNoErrors();

        var afterLogout = await _client.SendAsync(Refresh, new { token = freshRefresh });
        Assert.Equal(["UNAUTHENTICATED"], afterLogout.ErrorCodes);
    }

    [Fact]
    public async Task Me_WithoutOrWithGarbageToken_IsUnauthenticated_SayingWhich()
    {
        var anonymous = await _client.SendAsync(Me);
        var garbage = await _client.SendAsync(Me, accessToken: "not.a.jwt");

        Assert.Equal(["UNAUTHENTICATED"], anonymous.ErrorCodes);
        Assert.Equal(["UNAUTHENTICATED"], garbage.ErrorCodes);
        Assert.Equal("TOKEN_MISSING", anonymous.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Equal("TOKEN_INVALID", garbage.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task Register_WithInvalidInputOrDuplicate_IsBadUserInput_AndCreatesNothing()
    {
        var name = "bob" + Guid.NewGuid().ToString("N")[..8];
        var valid = new { email = $"{name}@example.com", username = name, password = "long enough 1" };

        var badEmail = await _client.SendAsync(Register, new { input = valid with { email = "not-an-email" } });
        var shortPassword = await _client.SendAsync(Register, new { input = valid with { password = "short" } });
        var badUsername = await _client.SendAsync(Register, new { input = valid with { username = "a b" } });
        (await _client.SendAsync(Register, new { input = valid })).EnsureNoErrors();
        var duplicate = await _client.SendAsync(Register, new { input = valid with { username = name + "x" } });

        Assert.Equal(["BAD_USER_INPUT"], badEmail.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], shortPassword.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], badUsername.ErrorCodes);
        Assert.Equal(["BAD_USER_INPUT"], duplicate.ErrorCodes);
        Assert.Equal("email", duplicate.Errors[0]!["extensions"]!["field"]!.GetValue<string>());

        var loginWithBadEmail = await _client.SendAsync(Login, new { input = new { email = "not-an-email", password = "long enough 1" } });
        Assert.NotEmpty(loginWithBadEmail.ErrorCodes);
    }

    public void Dispose() => _client.Dispose();
}
