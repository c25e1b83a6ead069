using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Presence.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running the host, which needs a connection
/// string. Adding a migration never connects, so the placeholder is never used.
/// </summary>
public sealed class PresenceDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PresenceDbContext>
{
    public PresenceDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PresenceDbContext>()
        .UseNpgsql("Host=localhost;Database=presence_design_time")
        .UseSnakeCaseNamingConvention()
        .Options);
}
