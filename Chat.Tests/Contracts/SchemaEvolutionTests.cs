using System.Text.Json.Nodes;
using Chat.Contracts;
using Chat.Tests.SchemaRegistry;
using Confluent.SchemaRegistry;

using Chat.Tests.Infrastructure;

namespace Chat.Tests.Contracts;

/// <summary>Every event's schema history registers in order, under BACKWARD, in the real Chat.SchemaRegistry.</summary>
public sealed class SchemaEvolutionTests
{
    [Fact]
    public async Task RegisterEveryVersionInOrder_UnderBackward_AllAreAccepted()
    {
        await using var server = RegistryServer.Start();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = server.Url });

        foreach (var descriptor in EventCatalog.All)
        {
            await client.UpdateCompatibilityAsync(Compatibility.Backward, descriptor.Subject);
            foreach (var schema in descriptor.SchemaVersions)
            {
                await client.RegisterSchemaAsync(descriptor.Subject, new Schema(schema, SchemaType.Json));
            }

            var versions = await client.GetSubjectVersionsAsync(descriptor.Subject);
            Assert.Equal(Enumerable.Range(1, descriptor.CurrentVersion), versions);
        }
    }

    [Fact]
    public async Task Register_WhenANewVersionAddsARequiredProperty_IsRefused()
    {
        await using var server = RegistryServer.Start();
        using var client = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = server.Url });

        foreach (var descriptor in EventCatalog.All)
        {
            await client.UpdateCompatibilityAsync(Compatibility.Backward, descriptor.Subject);
            await client.RegisterSchemaAsync(descriptor.Subject, new Schema(descriptor.CurrentSchema, SchemaType.Json));
            var broken = JsonNode.Parse(descriptor.CurrentSchema)!;
            broken["properties"]!["tenantId"] = JsonNode.Parse("""{"type":"string"}""");
            broken["required"]!.AsArray().Add("tenantId");

            var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
                client.RegisterSchemaAsync(descriptor.Subject, new Schema(broken.ToJsonString(), SchemaType.Json)));

            Assert.Equal(409, error.ErrorCode);
            Assert.Contains("tenantId", error.Message);
        }
    }
}
