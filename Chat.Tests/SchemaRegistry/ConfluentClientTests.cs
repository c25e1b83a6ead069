using System.Buffers.Binary;
using System.Text;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;

using Chat.Tests.Infrastructure;

namespace Chat.Tests.SchemaRegistry;

/// <summary>Confluent's own client and JSON serdes (code we did not write) against our registry on a real port.</summary>
public sealed class ConfluentClientTests
{
    private static readonly SerializationContext OrdersValue = new(MessageComponentType.Value, "orders");

    [Fact]
    public async Task RegisterSchemaAsync_WhenSameSchemaTwice_ReturnsSameIdAndOneVersion()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);

        var first = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        using var otherClient = ClientFor(server);
        var second = await otherClient.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));

        Assert.Equal(first, second);
        Assert.Equal([1], await client.GetSubjectVersionsAsync("orders-value"));
    }

    [Fact]
    public async Task RegisterSchemaAsync_WhenSameSchemaUnderAnotherSubject_ReusesTheGlobalId()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);

        var orders = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        var archive = await client.RegisterSchemaAsync("orders-archive-value", Json(Order.SchemaV1));
        var other = await client.RegisterSchemaAsync("orders-archive-value", Json(Order.SchemaV2WithOptionalNote));

        Assert.Equal(orders, archive);
        Assert.NotEqual(orders, other);
        Assert.Equal(["orders-archive-value", "orders-value"], (await client.GetAllSubjectsAsync()).Order());
    }

    [Fact]
    public async Task JsonSerdes_WhenPayloadValid_RoundTripsThroughTheRegistry()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        var serializer = new JsonSerializer<Order>(client, Json(Order.SchemaV1));
        var deserializer = new JsonDeserializer<Order>(client);

        var bytes = await serializer.SerializeAsync(new Order { OrderId = "o-1", Quantity = 3 }, OrdersValue);
        var order = await deserializer.DeserializeAsync(bytes, isNull: false, OrdersValue);

        Assert.Equal(0, bytes[0]);
        var id = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4));
        Assert.Equal(id, (await client.GetLatestSchemaAsync("orders-value")).Id);
        Assert.Equal(("o-1", 3), (order.OrderId, order.Quantity));
    }

    [Fact]
    public async Task JsonSerializer_WhenUsingTheLatestRegisteredVersionWithoutAutoRegister_FramesItsId()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        var latestId = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV2WithOptionalNote));
        var config = new JsonSerializerConfig { AutoRegisterSchemas = false, UseLatestVersion = true };
        var serializer = new JsonSerializer<Order>(ClientFor(server), config);

        var bytes = await serializer.SerializeAsync(new Order { OrderId = "o-2", Quantity = 1 }, OrdersValue);

        Assert.Equal(latestId, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(1, 4)));
    }

    [Fact]
    public async Task JsonSerializer_WhenPayloadViolatesSchema_Refuses()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        var serializer = new JsonSerializer<Order>(client, Json(Order.SchemaV1));

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            serializer.SerializeAsync(new Order { OrderId = "o-1", Quantity = 0 }, OrdersValue));

        Assert.Contains("quantity", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task JsonDeserializer_WhenPayloadViolatesWriterSchema_Refuses()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        var id = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        var deserializer = new JsonDeserializer<Order>(ClientFor(server));
        var frame = new byte[5];
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), id);
        var bytes = frame.Concat(Encoding.UTF8.GetBytes("""{"orderId":"o-1","quantity":0}""")).ToArray();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => deserializer.DeserializeAsync(bytes, isNull: false, OrdersValue));

        Assert.Contains("quantity", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RegisterSchemaAsync_WhenNewVersionAddsARequiredProperty_IsRefusedWith409()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV2WithRequiredCustomer)));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("customerId", error.Message);
        Assert.True(await client.IsCompatibleAsync("orders-value", Json(Order.SchemaV2WithOptionalNote)));
        Assert.False(await client.IsCompatibleAsync("orders-value", Json(Order.SchemaV2WithRequiredCustomer)));
    }

    [Fact]
    public async Task LookupSchemaAsync_WhenRegistered_ReturnsIdAndVersion()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        var id = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV2WithOptionalNote));

        var found = await client.LookupSchemaAsync("orders-value", Json(Order.SchemaV2WithOptionalNote), ignoreDeletedSchemas: true);
        var missing = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            client.LookupSchemaAsync("orders-value", Json(Order.SchemaV2WithRequiredCustomer), ignoreDeletedSchemas: true));

        Assert.Equal((id, 2, "orders-value"), (found.Id, found.Version, found.Subject));
        Assert.Equal(40403, missing.ErrorCode);
    }

    /// <summary>Confluent's .NET client has no delete call, so the deletes go over plain HTTP and the client observes them.</summary>
    [Fact]
    public async Task DeleteSubject_SoftThenPermanent_HidesThenRemovesTheSchema()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        var id = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));

        using var permanentFirst = await server.Http.DeleteAsync("/subjects/orders-value?permanent=true", TestContext.Current.CancellationToken);
        using var softDelete = await server.Http.DeleteAsync("/subjects/orders-value", TestContext.Current.CancellationToken);
        var versionsAfterSoft = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.GetSubjectVersionsAsync("orders-value"));
        var stillById = await ClientFor(server).GetSchemaAsync(id);
        using var permanentDelete = await server.Http.DeleteAsync("/subjects/orders-value?permanent=true", TestContext.Current.CancellationToken);
        var goneById = await Assert.ThrowsAsync<SchemaRegistryException>(() => ClientFor(server).GetSchemaAsync(id));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, permanentFirst.StatusCode);
        Assert.Contains("40405", await permanentFirst.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("[1]", await softDelete.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(40401, versionsAfterSoft.ErrorCode);
        Assert.Equal(SchemaType.Json, stillById.SchemaType);
        Assert.Equal("[1]", await permanentDelete.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(40403, goneById.ErrorCode);
    }

    [Fact]
    public async Task UpdateCompatibilityAsync_WhenSubjectSetToNone_AcceptsAnyChangeThereOnly()
    {
        await using var server = RegistryServer.Start();
        using var client = ClientFor(server);
        await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
        await client.RegisterSchemaAsync("strict-value", Json(Order.SchemaV1));

        var updated = await client.UpdateCompatibilityAsync(Compatibility.None, "orders-value");
        var read = await client.GetCompatibilityAsync("orders-value");
        var global = await client.GetCompatibilityAsync();
        var accepted = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV2WithRequiredCustomer));
        var refused = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            client.RegisterSchemaAsync("strict-value", Json(Order.SchemaV2WithRequiredCustomer)));

        Assert.Equal((Compatibility.None, Compatibility.None, Compatibility.Backward), (updated, read, global));
        Assert.True(accepted > 0);
        Assert.Equal(409, refused.ErrorCode);
    }

    [Fact]
    public async Task Registry_WhenRestartedOnTheSameDataDirectory_KeepsIdsVersionsAndConfig()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("chat-registry-restart-").FullName;
        try
        {
            int v1, v2;
            await using (var before = RegistryServer.StartOn(dataDirectory))
            {
                using var client = ClientFor(before);
                v1 = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
                v2 = await client.RegisterSchemaAsync("orders-value", Json(Order.SchemaV2WithOptionalNote));
                await client.UpdateCompatibilityAsync(Compatibility.Full, "orders-value");
            }

            await using var after = RegistryServer.StartOn(dataDirectory);
            using var restarted = ClientFor(after);
            var again = await restarted.RegisterSchemaAsync("orders-value", Json(Order.SchemaV1));
            var versions = await restarted.GetSubjectVersionsAsync("orders-value");
            var byId = await restarted.GetSchemaAsync(v2);
            var level = await restarted.GetCompatibilityAsync("orders-value");
            var next = await restarted.RegisterSchemaAsync("other-value", Json(Order.SchemaV2WithRequiredCustomer));

            Assert.Equal(v1, again);
            Assert.Equal([1, 2], versions);
            Assert.Contains("note", byId.SchemaString);
            Assert.Equal(Compatibility.Full, level);
            Assert.Equal(v2 + 1, next);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static Schema Json(string schema) => new(schema, SchemaType.Json);

    private static CachedSchemaRegistryClient ClientFor(RegistryServer server) =>
        new(new SchemaRegistryConfig { Url = server.Url });
}
