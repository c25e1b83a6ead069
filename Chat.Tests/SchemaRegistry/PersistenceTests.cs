using System.Text.Json;

using Chat.Tests.Infrastructure;

namespace Chat.Tests.SchemaRegistry;

/// <summary>The append-only log: what a crash mid-append leaves behind must not stop the next start.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Start_WhenTheLogEndsWithATornAppend_CutsItAndKeepsEverythingBefore()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chat-registry-torn-").FullName;
        try
        {
            await using (var first = RegistryServer.StartOn(dataDirectory))
            {
                await first.Http.SendAsync(HttpMethod.Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV1));
            }

            await File.AppendAllTextAsync(Path.Combine(dataDirectory, "registry.log.jsonl"), """{"op":"versionAdded","subj""",
                TestContext.Current.CancellationToken);

            int secondId;
            await using (var second = RegistryServer.StartOn(dataDirectory))
            {
                var (_, registered) = await second.Http.SendAsync(HttpMethod.Post, "/subjects/s-value/versions", RegistryHttp.SchemaBody(Order.SchemaV2WithOptionalNote));
                secondId = registered.GetProperty("id").GetInt32();
            }

            await using var third = RegistryServer.StartOn(dataDirectory);
            var (_, versions) = await third.Http.SendAsync(HttpMethod.Get, "/subjects/s-value/versions");
            var (_, latest) = await third.Http.SendAsync(HttpMethod.Get, "/subjects/s-value/versions/latest");

            Assert.Equal("[1,2]", versions.GetRawText());
            Assert.Equal(secondId, latest.GetProperty("id").GetInt32());
            Assert.All(await File.ReadAllLinesAsync(Path.Combine(dataDirectory, "registry.log.jsonl"), TestContext.Current.CancellationToken),
                line => JsonDocument.Parse(line).Dispose());
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Register_WhenManyRequestsRace_GivesEveryDistinctSchemaOneIdAndOneVersion()
    {
        await using var server = RegistryServer.Start();
        var schemas = Enumerable.Range(1, 20).Select(index => "{\"type\":\"object\",\"properties\":{\"p" + index + "\":{\"type\":\"string\"}}}").ToList();

        var ids = await Task.WhenAll(schemas.Concat(schemas).Select(async schema =>
        {
            var (_, body) = await server.Http.SendAsync(HttpMethod.Post, $"/subjects/race-{schema.Length % 3}/versions", RegistryHttp.SchemaBody(schema));
            return (schema, id: body.GetProperty("id").GetInt32());
        }));

        Assert.All(ids.GroupBy(pair => pair.schema), group => Assert.Single(group.Select(pair => pair.id).Distinct()));
        Assert.Equal(20, ids.Select(pair => pair.id).Distinct().Count());
        Assert.Equal("registry.log.jsonl", Path.GetFileName(Directory.GetFiles(server.DataDirectory).Single()));
    }
}
