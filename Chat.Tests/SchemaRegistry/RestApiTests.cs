using System.Text.Json;

using Chat.Tests.Infrastructure;

namespace Chat.Tests.SchemaRegistry;

/// <summary>The REST surface in Confluent's shapes: error codes, content types, soft-delete states, config.</summary>
public sealed class RestApiTests
{
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    [Theory]
    [InlineData("{\"schema\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task Register_WhenBodyIsMalformed_Returns400InConfluentShape(string body)
    {
        await using var server = RegistryServer.Start();

        var (status, error) = await server.Http.SendAsync(Post, "/subjects/s-value/versions", body);

        Assert.Equal((400, 400), (status, error.ErrorCode()));
        Assert.DoesNotContain("Exception", error.GetProperty("message").GetString());
        Assert.DoesNotContain("   at ", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData(null, "AVRO")]
    [InlineData("PROTOBUF", "PROTOBUF")]
    public async Task Register_WhenSchemaTypeIsNotJson_Returns42201NamingTheType(string? schemaType, string named)
    {
        await using var server = RegistryServer.Start();

        var (status, error) = await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody("""{"type":"string"}""", schemaType));

        Assert.Equal((422, 42201), (status, error.ErrorCode()));
        Assert.Contains(named, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Register_WhenSchemaIsNotAJsonSchema_Returns42201()
    {
        await using var server = RegistryServer.Start();

        var (status, error) = await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody("""{"type":"strng"}"""));

        Assert.Equal((422, 42201), (status, error.ErrorCode()));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/octet-stream")]
    [InlineData(RegistryHttp.MediaType)]
    public async Task Register_WithAnyContentTypeConfluentAccepts_AnswersInTheRegistryMediaType(string contentType)
    {
        await using var server = RegistryServer.Start();
        using var request = new HttpRequestMessage(Post, "/subjects/s-value/versions")
        {
            Content = new StringContent(RegistryHttp.SchemaBody("""{"type":"string"}"""), System.Text.Encoding.UTF8, contentType),
        };

        using var response = await server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(RegistryHttp.MediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Reads_WhenSubjectOrVersionMissing_Return40401And40402And42202()
    {
        await using var server = RegistryServer.Start();
        await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody("""{"type":"string"}"""));

        var (_, noSubject) = await server.Http.SendAsync(Get, "/subjects/nope/versions");
        var (_, noVersion) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/7");
        var (invalidStatus, invalidVersion) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/abc");
        var (_, noSchema) = await server.Http.SendAsync(Get, "/schemas/ids/99");

        Assert.Equal(40401, noSubject.ErrorCode());
        Assert.Equal("Subject 'nope' not found.", noSubject.GetProperty("message").GetString());
        Assert.Equal(40402, noVersion.ErrorCode());
        Assert.Equal((422, 42202), (invalidStatus, invalidVersion.ErrorCode()));
        Assert.Equal(40403, noSchema.ErrorCode());
    }

    [Fact]
    public async Task Reads_WhenRegistered_ReturnConfluentShapesAndRawSchemas()
    {
        await using var server = RegistryServer.Start();
        const string schema = """{"type":"object","properties":{"a":{"type":"string"}}}""";
        var (_, registered) = await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(schema));
        var id = registered.GetProperty("id").GetInt32();

        var (_, latest) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/latest");
        var (_, rawByVersion) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/1/schema");
        var (_, byId) = await server.Http.SendAsync(Get, $"/schemas/ids/{id}");
        var (_, rawById) = await server.Http.SendAsync(Get, $"/schemas/ids/{id}/schema");
        var (_, types) = await server.Http.SendAsync(Get, "/schemas/types");
        var (_, subjects) = await server.Http.SendAsync(Get, "/subjects");

        Assert.Equal(("s-value", 1, id, "JSON"), (latest.GetProperty("subject").GetString(), latest.GetProperty("version").GetInt32(),
            latest.GetProperty("id").GetInt32(), latest.GetProperty("schemaType").GetString()));
        Assert.Equal(JsonValueKind.Array, latest.GetProperty("references").ValueKind);
        Assert.Equal("object", rawByVersion.GetProperty("type").GetString());
        Assert.Equal(schema, byId.GetProperty("schema").GetString());
        Assert.Equal("object", rawById.GetProperty("type").GetString());
        Assert.Equal("""["JSON"]""", types.GetRawText());
        Assert.Equal("""["s-value"]""", subjects.GetRawText());
    }

    [Fact]
    public async Task Register_WithReferences_StoresAndReturnsThem()
    {
        await using var server = RegistryServer.Start();
        const string body = """{"schemaType":"JSON","schema":"{\"type\":\"string\"}","references":[{"name":"common.json","subject":"common-value","version":1}]}""";

        await server.Http.SendAsync(Post, "/subjects/s-value/versions", body);
        var (_, latest) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/latest");

        Assert.Equal("common-value", latest.GetProperty("references")[0].GetProperty("subject").GetString());
    }

    [Fact]
    public async Task CompatibilityCheck_WhenVerbose_ExplainsTheBreak()
    {
        await using var server = RegistryServer.Start();
        await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV1));

        var (_, terse) = await server.Http.SendAsync(Post, "/compatibility/subjects/s-value/versions/latest", RegistryHttp.SchemaBody(Order.SchemaV2WithRequiredCustomer));
        var (_, verbose) = await server.Http.SendAsync(Post, "/compatibility/subjects/s-value/versions/1?verbose=true", RegistryHttp.SchemaBody(Order.SchemaV2WithRequiredCustomer));
        var (_, fine) = await server.Http.SendAsync(Post, "/compatibility/subjects/s-value/versions/latest?verbose=true", RegistryHttp.SchemaBody(Order.SchemaV2WithOptionalNote));

        Assert.False(terse.GetProperty("is_compatible").GetBoolean());
        Assert.False(terse.TryGetProperty("messages", out _));
        Assert.Contains("customerId", verbose.GetProperty("messages")[0].GetString());
        Assert.True(fine.GetProperty("is_compatible").GetBoolean());
        Assert.Equal(0, fine.GetProperty("messages").GetArrayLength());
    }

    [Fact]
    public async Task DeleteVersion_FollowsConfluentsSoftThenPermanentStates()
    {
        await using var server = RegistryServer.Start();
        await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV1));
        await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV2WithOptionalNote));

        var (_, permanentFirst) = await server.Http.SendAsync(Delete, "/subjects/s-value/versions/1?permanent=true");
        var (_, soft) = await server.Http.SendAsync(Delete, "/subjects/s-value/versions/1");
        var (_, softAgain) = await server.Http.SendAsync(Delete, "/subjects/s-value/versions/1");
        var (_, hidden) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/1");
        var (_, shownWhenAsked) = await server.Http.SendAsync(Get, "/subjects/s-value/versions/1?deleted=true");
        var (_, permanent) = await server.Http.SendAsync(Delete, "/subjects/s-value/versions/1?permanent=true");
        var (_, versions) = await server.Http.SendAsync(Get, "/subjects/s-value/versions");

        Assert.Equal(40407, permanentFirst.ErrorCode());
        Assert.Equal(1, soft.GetInt32());
        Assert.Equal(40406, softAgain.ErrorCode());
        Assert.Equal(40402, hidden.ErrorCode());
        Assert.Equal(1, shownWhenAsked.GetProperty("version").GetInt32());
        Assert.Equal(1, permanent.GetInt32());
        Assert.Equal("[2]", versions.GetRawText());
    }

    [Fact]
    public async Task DeleteSubject_Twice_Returns40404()
    {
        await using var server = RegistryServer.Start();
        await server.Http.SendAsync(Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV1));

        await server.Http.SendAsync(Delete, "/subjects/s-value");
        var (status, again) = await server.Http.SendAsync(Delete, "/subjects/s-value");
        var (_, deletedListed) = await server.Http.SendAsync(Get, "/subjects?deleted=true");

        Assert.Equal((404, 40404), (status, again.ErrorCode()));
        Assert.Equal("""["s-value"]""", deletedListed.GetRawText());
    }

    [Fact]
    public async Task Config_GlobalAndPerSubject_FollowConfluentsShapes()
    {
        await using var server = RegistryServer.Start();

        var (_, global) = await server.Http.SendAsync(Get, "/config");
        var (invalidStatus, invalid) = await server.Http.SendAsync(Put, "/config", """{"compatibility":"SIDEWAYS"}""");
        var (_, updated) = await server.Http.SendAsync(Put, "/config/s-value", """{"compatibility":"forward_transitive"}""");
        var (_, subject) = await server.Http.SendAsync(Get, "/config/s-value");
        var (_, deleted) = await server.Http.SendAsync(Delete, "/config/s-value");
        var (_, unset) = await server.Http.SendAsync(Get, "/config/s-value");
        var (_, fallback) = await server.Http.SendAsync(Get, "/config/s-value?defaultToGlobal=true");

        Assert.Equal("BACKWARD", global.GetProperty("compatibilityLevel").GetString());
        Assert.Equal((422, 42203), (invalidStatus, invalid.ErrorCode()));
        Assert.Equal("FORWARD_TRANSITIVE", updated.GetProperty("compatibility").GetString());
        Assert.Equal("FORWARD_TRANSITIVE", subject.GetProperty("compatibilityLevel").GetString());
        Assert.Equal("FORWARD_TRANSITIVE", deleted.GetProperty("compatibilityLevel").GetString());
        Assert.Equal(40408, unset.ErrorCode());
        Assert.Equal("BACKWARD", fallback.GetProperty("compatibilityLevel").GetString());
    }

    [Fact]
    public async Task UnknownRouteAndMethod_AnswerInConfluentShape()
    {
        await using var server = RegistryServer.Start();

        var (notFoundStatus, notFound) = await server.Http.SendAsync(Get, "/no/such/route");
        var (notAllowedStatus, notAllowed) = await server.Http.SendAsync(HttpMethod.Patch, "/config");

        Assert.Equal((404, 404), (notFoundStatus, notFound.ErrorCode()));
        Assert.Equal((405, 405), (notAllowedStatus, notAllowed.ErrorCode()));
    }

    [Fact]
    public async Task Health_WhenStoreWritable_IsHealthy()
    {
        await using var server = RegistryServer.Start();

        using var response = await server.Http.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Health_WhenDataDirectoryIsGone_IsUnhealthy()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chat-registry-health-").FullName;
        await using var server = RegistryServer.StartOn(dataDirectory);

        Directory.Delete(dataDirectory, recursive: true);
        using var response = await server.Http.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
