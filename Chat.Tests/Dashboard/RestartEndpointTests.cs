using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chat.AppHost.Hosting;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>The dashboard's restart button: a requested restart, not a crash.</summary>
[Collection(DashboardAppCollection.Name)]
public sealed class RestartEndpointTests(DashboardAppFixture fixture)
{
    [Fact]
    public async Task PostRestart_ForNotifications_NewProcessHealthyAgain_CrashRestartCountUnchanged()
    {
        var notifications = fixture.App[ResourceNames.Notifications];
        var before = (notifications.ProcessId, notifications.RestartCount, notifications.StartedAt);
        using var dashboard = new HttpClient { BaseAddress = fixture.DashboardUrl };

        using var response = await dashboard.PostAsync($"/api/resources/{ResourceNames.Notifications}/restart", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(
            () => notifications is { State: ResourceState.Running, Health: ResourceHealth.Healthy } && notifications.ProcessId != before.ProcessId,
            TimeSpan.FromSeconds(60),
            "notifications running and healthy in a new process");
        Assert.NotNull(notifications.ProcessId);
        Assert.Equal(before.RestartCount, notifications.RestartCount);
        Assert.True(notifications.StartedAt > before.StartedAt);
        Assert.Contains(notifications.Log.Snapshot(), line => line.Text.Contains("restart requested", StringComparison.Ordinal));
        var views = await dashboard.GetFromJsonAsync<JsonArray>("/api/resources", TestContext.Current.CancellationToken);
        var view = views!.Single(v => v!["name"]!.GetValue<string>() == ResourceNames.Notifications)!;
        Assert.Equal(notifications.ProcessId, view["processId"]!.GetValue<int>());
        Assert.Equal("Healthy", view["health"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostRestart_FromAnotherOrigin_Is403_AndRestartsNothing()
    {
        var auth = fixture.App[ResourceNames.Auth];
        var processId = auth.ProcessId;
        using var dashboard = new HttpClient { BaseAddress = fixture.DashboardUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/resources/{ResourceNames.Auth}/restart");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await dashboard.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal((ResourceState.Running, processId), (auth.State, auth.ProcessId));
    }

    [Fact]
    public async Task PostRestart_UnknownResource_Is404Problem()
    {
        using var dashboard = new HttpClient { BaseAddress = fixture.DashboardUrl };

        using var response = await dashboard.PostAsync("/api/resources/no-such-thing/restart", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
