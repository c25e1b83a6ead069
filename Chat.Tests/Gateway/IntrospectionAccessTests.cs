using System.Net;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>Introspection is for signed-in callers, and for anonymous ones only where configured (issue 12, item 8).</summary>
public sealed class IntrospectionAccessTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Query\") { name } }")]
    [InlineData("query { ...Schema } fragment Schema on Query { __schema { queryType { name } } }")]
    public async Task Anonymous_WhenNotAllowed_IsRefused(string query)
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:AnonymousIntrospection", "false"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(query), TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("Introspection requires signing in", json["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_TypenameIsAlwaysAllowed()
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:AnonymousIntrospection", "false"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken);

        Assert.Equal("Query", (await response.ReadJsonAsync())["data"]!["__typename"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignedIn_MayIntrospect_WhereAnonymousMayNot()
    {
        await using var auth = await AuthKeysServer.StartAsync();
        var token = TestTokens.Create(auth.PublishNewKey());
        await using var factory = GatewayFactory.WithAuthAt(auth.Url, ("GraphQL:AnonymousIntrospection", "false"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(Introspection, bearer: token), TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Null(json["errors"]);
        Assert.Equal("Query", json["data"]!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task Anonymous_ByDefault_OnlyInDevelopment(string environment, bool allowed)
    {
        await using var factory = GatewayFactory.WithAuthDown(("environment", environment));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post(Introspection), TestContext.Current.CancellationToken);

        Assert.Equal(allowed, (await response.ReadJsonAsync())["errors"] is null);
    }
}
