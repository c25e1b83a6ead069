using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Notifications.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running the host, which needs a connection
/// string. Adding a migration never connects, so the placeholder is never used.
/// </summary>
public sealed class NotificationDbContextDesignTimeFactory : IDesignTimeDbContextFactory<NotificationDbContext>
{
    public NotificationDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<NotificationDbContext>()
        .UseNpgsql("Host=localhost;Database=notification_design_time")
        .UseSnakeCaseNamingConvention()
        .Options);
}
