using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Chat.ServiceDefaults;
using Chat.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chat.Tests.AppHost;

/// <summary>The AppHost under Aspire's DCP: every resource running and healthy, crashes restarted, stops respected.</summary>
[Collection(DistributedAppCollection.Name)]
public sealed class AspireResourceTests(DistributedAppFixture fixture)
{
    private static readonly string[] DeclaredResources =
    [
        "auth-postgres", "chat-postgres", "presence-postgres", "notification-postgres",
        ResourceNames.AuthDb, ResourceNames.ChatDb, ResourceNames.PresenceDb, ResourceNames.NotificationDb,
        ResourceNames.Redis, ResourceNames.Kafka, ResourceNames.SchemaRegistry,
        ResourceNames.Auth, ResourceNames.Messaging, ResourceNames.Presence, ResourceNames.Presence + "-2",
        ResourceNames.Notifications, ResourceNames.Gateway, ResourceNames.Gateway + "-2",
    ];

    [Fact]
    public void EveryDeclaredResource_IsRunning_AndHealthy()
    {
        var model = fixture.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.Empty(DeclaredResources.Except(model.Resources.Select(resource => resource.Name)));
        Assert.All(DeclaredResources, name =>
        {
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(name, out var state), $"{name} has no state");
            Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
        });
    }

    [Fact]
    public async Task KilledService_IsRestartedByItself_AndHealthyAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var before = fixture.ServiceProcessIdOf(ResourceNames.Messaging);

        System.Diagnostics.Process.GetProcessById(before).Kill();

        await fixture.App.ResourceNotifications.WaitForResourceAsync(ResourceNames.Messaging, KnownResourceStates.TerminalStates, cancellationToken);
        await Crashes.WaitUntilHealthyAsync(fixture, ResourceNames.Messaging);
        Assert.NotEqual(before, fixture.ServiceProcessIdOf(ResourceNames.Messaging));
        using var messaging = fixture.CreateClient(ResourceNames.Messaging);
        Assert.True((await messaging.GetAsync("/health", cancellationToken)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task KilledPostmasterAndRedis_AreRestartedByThemselves()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var name in new[] { "chat-postgres", ResourceNames.Redis })
        {
            var pid = Crashes.KillExecutable(fixture, name);

            await fixture.App.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, cancellationToken);
            await Crashes.WaitUntilHealthyAsync(fixture, name);
            Assert.NotEqual(pid, Crashes.ExecutableProcessIdOf(fixture, name));
        }
        // The services reconnect: Messaging answers its health check (database included) again.
        using var messaging = fixture.CreateClient(ResourceNames.Messaging);
        await Eventually.ReturnsAsync(async () => (await messaging.GetAsync("/health", cancellationToken)).IsSuccessStatusCode,
            healthy => healthy, TimeSpan.FromSeconds(60), "messaging healthy after its database came back");
    }

    [Fact]
    public async Task StoppedResource_StaysStopped_UntilStartedAgain()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await fixture.App.StopResourceAsync(ResourceNames.SchemaRegistry, cancellationToken);
        try
        {
            // Longer than the first restart back-off (1 s) and then some.
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            Assert.True(fixture.App.ResourceNotifications.TryGetCurrentState(ResourceNames.SchemaRegistry, out var state));
            Assert.Contains(state.Snapshot.State?.Text, KnownResourceStates.TerminalStates);
        }
        finally
        {
            await fixture.App.StartResourceAsync(ResourceNames.SchemaRegistry, CancellationToken.None);
        }
    }
}
