using Chat.Tests.Infrastructure;

namespace Chat.Tests.Dashboard;

/// <summary>
/// The dashboard tests restart resources and assert on the telemetry a request leaves behind, so they get an app
/// of their own: nothing the other end-to-end tests do to the shared app (restarts, outages, floods) can touch
/// what they measure.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardAppCollection : ICollectionFixture<DashboardAppFixture>
{
    public const string Name = "dashboard app";
}

public sealed class DashboardAppFixture : DistributedAppFixture;
