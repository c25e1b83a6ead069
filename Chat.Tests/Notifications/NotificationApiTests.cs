using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chat.Tests.Eventing.Infrastructure;
using Chat.Tests.Notifications.Support;
using Microsoft.EntityFrameworkCore;

namespace Chat.Tests.Notifications;

/// <summary>The REST API: the caller's own notifications only, keyset-paged, with read state and deletion.</summary>
public sealed class NotificationApiTests(EventingPostgres postgres, NotificationsRedis redis) : IAsyncLifetime
{
    private readonly NotificationTestEnvironment _env = new(postgres, redis);
    private NotificationServiceFactory _service = null!;

    public async ValueTask InitializeAsync()
    {
        await _env.InitializeAsync();
        _service = _env.StartService();
    }

    public ValueTask DisposeAsync() => _env.DisposeAsync();

    [Fact]
    public async Task GetNotifications_PagesNewestFirstWithCursors_AcrossTheCachedAndStoredRange()
    {
        // Arrange: five notifications for bob.
        var ct = TestContext.Current.CancellationToken;
        var bob = await GiveNotificationsAsync(5);
        using var client = _env.ClientFor(_service, bob);

        // Act: pages of two, following endCursor.
        var pages = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/notifications?first=2{(after is null ? "" : "&after=" + after)}", ct);
            pages.Add(page);
            after = page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        // Assert
        var messages = pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("message").GetString());
        Assert.Equal(["m4", "m3", "m2", "m1", "m0"], messages);
        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("unreadCount").GetInt32()));
    }

    [Fact]
    public async Task MarkRead_ReadAll_Delete_ChangeTheUnreadCount()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var bob = await GiveNotificationsAsync(3);
        using var client = _env.ClientFor(_service, bob);
        var ids = (await client.GetFromJsonAsync<JsonElement>("/notifications", ct)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ToList();

        // Act + Assert, step by step
        using var marked = await client.PatchAsync($"/notifications/{ids[0]}/read", null, ct);
        Assert.True((await marked.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("read").GetBoolean());
        Assert.Equal(2, await UnreadCountAsync(client));

        using var deleted = await client.DeleteAsync($"/notifications/{ids[1]}", ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(1, await UnreadCountAsync(client));
        var remaining = await client.GetFromJsonAsync<JsonElement>("/notifications", ct);
        Assert.Equal([ids[0], ids[2]], remaining.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));

        using var all = await client.PatchAsync("/notifications/read-all", null, ct);
        Assert.Equal(1, (await all.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("updated").GetInt32());
        Assert.Equal(0, await UnreadCountAsync(client));
        Assert.All((await client.GetFromJsonAsync<JsonElement>("/notifications", ct)).GetProperty("items").EnumerateArray(),
            item => Assert.True(item.GetProperty("read").GetBoolean()));
    }

    [Fact]
    public async Task AnotherUsersNotification_IsNotFound_AndStaysUntouched()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var bob = await GiveNotificationsAsync(1);
        var bobsId = await _env.QueryAsync(db => db.Notifications.Where(n => n.UserId == bob).Select(n => n.Id).SingleAsync(ct));
        using var mallory = _env.ClientFor(_service, Guid.NewGuid());

        // Act
        using var read = await mallory.PatchAsync($"/notifications/{bobsId}/read", null, ct);
        using var delete = await mallory.DeleteAsync($"/notifications/{bobsId}", ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal("application/problem+json", delete.Content.Headers.ContentType?.MediaType);
        var stored = await _env.QueryAsync(db => db.Notifications.SingleAsync(n => n.Id == bobsId, ct));
        Assert.False(stored.Read);
    }

    [Theory]
    [InlineData("/notifications?first=0", "first")]
    [InlineData("/notifications?first=101", "first")]
    [InlineData("/notifications?after=not-a-cursor", "after")]
    [InlineData("/notifications?after=MTIzOnh5eg", "after")]
    public async Task GetNotifications_WithBadPaging_IsAProblemNamingTheParameter(string path, string parameter)
    {
        using var client = _env.ClientFor(_service, Guid.NewGuid());

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("GET", "/notifications")]
    [InlineData("GET", "/notifications/unread-count")]
    [InlineData("PATCH", "/notifications/read-all")]
    public async Task Requests_WithoutAToken_AreUnauthorized(string method, string path)
    {
        using var client = _service.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>A new user with <paramref name="count"/> notifications m0..m(n-1), created through the consumer.</summary>
    private async Task<Guid> GiveNotificationsAsync(int count)
    {
        var (sender, bob) = (Guid.NewGuid(), Guid.NewGuid());
        var conversation = Guid.NewGuid();
        for (var i = 0; i < count; i++)
        {
            await _env.PublishAsync(NotificationEvents.Message(conversation, sender, [sender, bob], $"m{i}"));
        }

        await _env.WaitForAsync(db => db.Notifications.CountAsync(n => n.UserId == bob), n => n == count, $"{count} notifications");
        return bob;
    }

    private static async Task<int> UnreadCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/notifications/unread-count", TestContext.Current.CancellationToken))
            .GetProperty("unreadCount").GetInt32();
}
