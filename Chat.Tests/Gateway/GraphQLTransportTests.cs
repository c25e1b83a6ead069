using System.Net;
using System.Text;
using Chat.Tests.Gateway.Support;

namespace Chat.Tests.Gateway;

/// <summary>GraphQL over HTTP at the gateway: methods, media types, status codes, request errors.</summary>
public sealed class GraphQLTransportTests(GatewayWithAuthDown gateway) : IClassFixture<GatewayWithAuthDown>
{
    private readonly HttpClient client = gateway.CreateClient();

    [Fact]
    public async Task Post_WhenQueryIsValid_Returns200WithDataInGraphQLResponseType()
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("{ __typename }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLHttp.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Query", body["data"]?["__typename"]?.GetValue<string>());
        Assert.Null(body["errors"]);
    }

    [Fact]
    public async Task Get_WhenQueryHasNoAcceptHeader_AnswersApplicationJson()
    {
        using var response = await client.SendAsync(GraphQLHttp.Get("{ __typename }", accept: null), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GraphQLHttp.Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Query", (await response.ReadJsonAsync())["data"]?["__typename"]?.GetValue<string>());
    }

    [Fact]
    public async Task Accept_WhenBothTypesAtEqualQuality_PrefersGraphQLResponse()
    {
        using var response = await client.SendAsync(
            GraphQLHttp.Post("{ __typename }", accept: "application/json, application/graphql-response+json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(GraphQLHttp.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_WhenOperationIsMutation_Returns405AllowingPost()
    {
        using var response = await client.SendAsync(
            GraphQLHttp.Get("mutation { logout(refreshToken: \"x\") }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Put_Returns405AllowingGetAndPost()
    {
        using var response = await client.PutAsync("/graphql", new StringContent("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Post_WhenNoAcceptableMediaType_Returns406()
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("{ __typename }", accept: "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_WhenContentTypeIsNotJson_Returns415Problem()
    {
        using var response = await client.SendAsync(
            GraphQLHttp.PostRaw("{ __typename }", contentType: "text/plain"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_WhenBodyIsLargerThan64KiB_Returns413Problem()
    {
        var padding = new string('a', 70 * 1024);
        using var response = await client.SendAsync(
            GraphQLHttp.PostRaw("""{"query":"{ __typename }","extensions":{"padding":"X"}}""".Replace("X", padding)),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_WhenBodyIsUtf16WithCharset_IsDecoded()
    {
        var request = GraphQLHttp.PostRaw("", contentType: "application/json; charset=utf-16");
        request.Content = new ByteArrayContent(Encoding.Unicode.GetBytes("""{"query":"{ __typename }"}"""));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-16");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "query": "{ __typename""", GraphQLHttp.GraphQLResponse)]
    [InlineData("""{ "query": "{ __typename""", GraphQLHttp.Json)]
    [InlineData("""{ "notquery": "{ __typename }" }""", GraphQLHttp.GraphQLResponse)]
    [InlineData("""{ "query": 1 }""", GraphQLHttp.Json)]
    [InlineData("""{ "query": "{ __typename }", "variables": "x" }""", GraphQLHttp.GraphQLResponse)]
    [InlineData("""{ "query": "{ __typename }", "operationName": 1 }""", GraphQLHttp.GraphQLResponse)]
    [InlineData("""{ "query": "{ __typename }", "extensions": [] }""", GraphQLHttp.Json)]
    [InlineData("""[{ "query": "{ __typename }" }]""", GraphQLHttp.GraphQLResponse)]
    public async Task Post_WhenRequestIsMalformed_Returns400WithErrorAndNoData(string body, string accept)
    {
        using var response = await client.SendAsync(GraphQLHttp.PostRaw(body, accept), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("BAD_REQUEST", json.FirstErrorCode());
        Assert.False(json.ContainsKey("data"));
    }

    [Theory]
    [InlineData("{", GraphQLHttp.GraphQLResponse, HttpStatusCode.BadRequest, "GRAPHQL_PARSE_FAILED")]
    [InlineData("{", GraphQLHttp.Json, HttpStatusCode.OK, "GRAPHQL_PARSE_FAILED")]
    [InlineData("{ nope }", GraphQLHttp.GraphQLResponse, HttpStatusCode.BadRequest, "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("{ nope }", GraphQLHttp.Json, HttpStatusCode.OK, "GRAPHQL_VALIDATION_FAILED")]
    public async Task Post_WhenDocumentIsInvalid_StatusDependsOnMediaTypeAndDataIsAbsent(
        string query, string accept, HttpStatusCode expectedStatus, string expectedCode)
    {
        using var response = await client.SendAsync(GraphQLHttp.Post(query, accept: accept), TestContext.Current.CancellationToken);

        Assert.Equal(expectedStatus, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal(expectedCode, json.FirstErrorCode());
        Assert.False(json.ContainsKey("data"));
    }

    [Fact]
    public async Task Post_WhenVariableHasWrongType_ReportsBadUserInput()
    {
        using var response = await client.SendAsync(
            GraphQLHttp.Post("query ($t: String!) { __type(name: $t) { name } }", variables: new { t = 5 }),
            TestContext.Current.CancellationToken);

        var json = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", json.FirstErrorCode());
    }

    [Fact]
    public async Task Post_WhenOneFieldFails_Returns200WithTheOtherFieldsAndAnError()
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("{ __typename me { id } }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        Assert.Equal("Query", json["data"]?["__typename"]?.GetValue<string>());
        Assert.True(json["data"]!.AsObject().ContainsKey("me"));
        Assert.Equal("UNAUTHENTICATED", json.FirstErrorCode());
        Assert.Equal("me", json["errors"]?[0]?["path"]?[0]?.GetValue<string>());
    }

    [Fact]
    public async Task Get_WhenBrowserAsksForHtml_ServesSelfContainedIdePage()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<textarea id=\"query\"", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("href=\"http", html);
    }

    [Fact]
    public async Task Post_WhenSubscription_IsRefusedOverHttp()
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("subscription { __typename }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
