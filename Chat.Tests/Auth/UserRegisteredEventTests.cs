using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Chat.Contracts;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Auth;

[Collection(AuthCollection.Name)]
public sealed class UserRegisteredEventTests(AuthServiceFixture fixture)
{
    private readonly AuthApiClient _api = new(fixture.Service.CreateClient());

    [Fact]
    public async Task Register_PublishesUserRegistered_KeyedByUserId_WithoutPersonalData()
    {
        var (email, username, password) = AuthApiClient.NewCredentials();
        var registered = await AuthApiClient.ReadAsync<JsonElement>(await _api.RegisterAsync(email, username, password), HttpStatusCode.Created);
        var userId = registered.GetProperty("user").GetProperty("id").GetString()!;

        var messages = await TopicReader.ReadUntilAsync(fixture.Kafka.BootstrapServers, Topics.UserRegistered,
            read => read.Any(m => m.Message.Key == userId), TimeSpan.FromSeconds(30));

        var message = messages.Single(m => m.Message.Key == userId).Message;
        var value = message.Value!;
        Assert.Equal(0, value[0]); // Confluent wire format: magic byte, then the registry's schema id
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(value.AsSpan(1, 4)) > 0);
        using var payload = JsonDocument.Parse(value.AsMemory(5));
        Assert.Equal(userId, payload.RootElement.GetProperty("userId").GetString());
        Assert.Equal(username, payload.RootElement.GetProperty("username").GetString());
        Assert.DoesNotContain(email, System.Text.Encoding.UTF8.GetString(value), StringComparison.OrdinalIgnoreCase);
    }
}
