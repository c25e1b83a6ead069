using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Chat.Tests.Infrastructure;

/// <summary>kill -9 of a resource of the shared app, and the wait until the AppHost has it running and healthy again.</summary>
public static class Crashes
{
    /// <summary>Kills the service's own process (not DCP's <c>dotnet run</c> launcher), as a crash would.</summary>
    public static int KillService(DistributedAppFixture fixture, string resource)
    {
        var pid = fixture.ServiceProcessIdOf(resource);
        Process.GetProcessById(pid).Kill();
        return pid;
    }

    /// <summary>Kills an executable resource's process (a postmaster).</summary>
    public static int KillExecutable(DistributedAppFixture fixture, string resource)
    {
        var pid = ExecutableProcessIdOf(fixture, resource);
        Process.GetProcessById(pid).Kill();
        return pid;
    }

    public static int ExecutableProcessIdOf(DistributedAppFixture fixture, string resource) =>
        fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(property => property.Name == "executable.pid")?.Value is { } value
            ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{resource} has no process");

    /// <summary>
    /// Polls, since a restart may take more than one attempt (a killed postmaster's orphaned backends hold its shared
    /// memory for a moment); later tests of the collection need it back. Then
    /// drops this process's pooled database connections: one opened before a postmaster was killed is served by an
    /// orphaned backend, which answers its next command with 57P01 although the server is back.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(DistributedAppFixture fixture, string resource)
    {
        await Eventually.ReturnsAsync(
            () => Task.FromResult(fixture.App.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state.Snapshot : null),
            snapshot => snapshot?.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy,
            TimeSpan.FromMinutes(3), $"{resource} restarted, running and healthy");
        NpgsqlConnection.ClearAllPools();
    }
}
