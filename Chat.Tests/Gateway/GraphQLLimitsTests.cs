using System.Net;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>Depth, complexity and introspection limits, enforced at validation before anything runs.</summary>
public sealed class GraphQLLimitsTests
{
    [Fact]
    public async Task Query_WhenDeeperThanMaxDepth_IsRejectedAsValidationFailure()
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:MaxDepth", "1"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(GraphQLHttp.Post("{ me { id } }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("maximum depth is 1", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Query_WhenDepthIsHiddenInFragments_IsStillCounted()
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:MaxDepth", "1"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(
            GraphQLHttp.Post("query { ...A } fragment A on Query { me { ...B } } fragment B on User { id }"),
            TestContext.Current.CancellationToken);

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Query_WhenMoreComplexThanAllowed_IsRejectedAsValidationFailure()
    {
        await using var factory = GatewayFactory.WithAuthDown(("GraphQL:MaxComplexity", "3"));
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(
            GraphQLHttp.Post("{ me { id email username createdAt } }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", json.FirstErrorCode());
        Assert.Contains("complex", json["errors"]![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task StandardIntrospectionQuery_WithDefaultLimits_Succeeds()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();
        var query = await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Gateway", "IntrospectionQuery.graphql"), TestContext.Current.CancellationToken);

        using var response = await client.SendAsync(GraphQLHttp.Post(query), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Null(json["errors"]);
        Assert.Equal("Mutation", json["data"]?["__schema"]?["mutationType"]?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task IntrospectionQuery_WhenListsNestDeeperThanTooling_IsRejected()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(
            GraphQLHttp.Post("{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await response.ReadJsonAsync()).FirstErrorCode());
    }

    [Fact]
    public async Task Query_WhenNestedThousandsDeep_IsRejectedWithoutServerError()
    {
        await using var factory = GatewayFactory.WithAuthDown();
        using var client = factory.CreateClient();
        var query = string.Concat(Enumerable.Repeat("{ me ", 5000)) + new string('}', 5000);

        using var response = await client.SendAsync(GraphQLHttp.Post(query), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("GRAPHQL_PARSE_FAILED", (await response.ReadJsonAsync()).FirstErrorCode());
    }
}
