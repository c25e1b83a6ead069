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
    public async Task Get_WhenBrowserAsksForHtml_ServesGraphiQLFromTheGatewayOnly()
    {
        using var response = await client.SendAsync(BrowserGet("/graphql"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<div id=\"graphiql\">", html);
        Assert.Matches("<script src=\"/graphql/ide/ide\\.js\\?v=[0-9a-f]{16}\"></script>", html);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/graphql/ide/ide\\.css\\?v=[0-9a-f]{16}\" />", html);
        Assert.DoesNotContain("{{", html);
        Assert.DoesNotContain("http", html);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.Contains("default-src 'none';", policy);
        Assert.DoesNotContain("http", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.True(response.Headers.CacheControl?.NoCache);
    }

    [Theory]
    [InlineData("ide.js", "text/javascript", "GraphiQL")]
    [InlineData("ide.css", "text/css", ".graphiql-container")]
    public async Task IdeAsset_AtTheVersionThePageLinks_IsServedWithLongCacheLifetime(string name, string mediaType, string expected)
    {
        var url = await LinkedAssetUrlAsync(name);

        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
        Assert.True(response.Headers.CacheControl?.Public);
        Assert.Contains("immutable", response.Headers.CacheControl!.Extensions.Select(e => e.Name));
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IdeAsset_WhenClientAcceptsGzip_IsSentCompressed()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, await LinkedAssetUrlAsync("ide.js"));
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        await using var body = new System.IO.Compression.GZipStream(
            await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(body);
        Assert.Contains("GraphiQL", await reader.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task IdeAsset_WithoutTheCurrentVersion_IsRevalidatedAndAnswers304ForItsETag()
    {
        using var first = await client.GetAsync("/graphql/ide/ide.css", TestContext.Current.CancellationToken);
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql/ide/ide.css");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var second = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Theory]
    [InlineData("/graphql/ide/unknown.js")]
    [InlineData("/graphql/ide/index.html")]
    [InlineData("/graphql/ide/..%2Fappsettings.json")]
    public async Task IdeAsset_WhenNotPartOfTheBundle_Returns404(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Root_RedirectsToTheGraphQLEndpoint()
    {
        using var noRedirects = gateway.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await noRedirects.SendAsync(BrowserGet("/"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/graphql", response.Headers.Location?.OriginalString);
    }

    private static HttpRequestMessage BrowserGet(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        return request;
    }

    /// <summary>The versioned URL of one bundle file, as the IDE page links it.</summary>
    private async Task<string> LinkedAssetUrlAsync(string name)
    {
        using var page = await client.SendAsync(BrowserGet("/graphql"), TestContext.Current.CancellationToken);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return System.Text.RegularExpressions.Regex.Match(html, "/graphql/ide/" + System.Text.RegularExpressions.Regex.Escape(name) + "\\?v=[0-9a-f]+").Value;
    }

    [Fact]
    public async Task Post_WhenSubscription_IsRefusedOverHttp()
    {
        using var response = await client.SendAsync(GraphQLHttp.Post("subscription { __typename }"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
