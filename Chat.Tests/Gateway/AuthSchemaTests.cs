using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>The auth operations' GraphQL shape, as clients generate code from it.</summary>
public sealed class AuthSchemaTests(GatewayWithAuthDown gateway) : IClassFixture<GatewayWithAuthDown>
{
    [Theory]
    [InlineData("Query", "me", "User")]
    [InlineData("Mutation", "register", "AuthPayload")]
    [InlineData("Mutation", "login", "AuthPayload")]
    [InlineData("Mutation", "refreshToken", "AuthPayload")]
    [InlineData("Mutation", "logout", "Boolean")]
    public async Task RootField_Exists_AndIsNullableSoOneFailureKeepsOtherFields(string rootType, string field, string returnType)
    {
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(
            GraphQLHttp.Post("query ($t: String!) { __type(name: $t) { fields { name type { kind name } } } }", new { t = rootType }),
            TestContext.Current.CancellationToken);

        var fields = (await response.ReadJsonAsync())["data"]!["__type"]!["fields"]!.AsArray();
        var type = fields.Single(f => f!["name"]!.GetValue<string>() == field)!["type"]!;
        Assert.Equal(returnType, type["name"]?.GetValue<string>());
        Assert.NotEqual("NON_NULL", type["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task AuthPayload_HasUserAndBothTokensWithExpiries()
    {
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(
            GraphQLHttp.Post("{ __type(name: \"AuthPayload\") { fields { name } } }"), TestContext.Current.CancellationToken);

        var names = (await response.ReadJsonAsync())["data"]!["__type"]!["fields"]!.AsArray()
            .Select(f => f!["name"]!.GetValue<string>());
        Assert.Equal(
            ["accessToken", "accessTokenExpiresAt", "refreshToken", "refreshTokenExpiresAt", "user"],
            names.Order());
    }
}
