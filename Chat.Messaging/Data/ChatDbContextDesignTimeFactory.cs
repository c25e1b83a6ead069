using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Messaging.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running the host, which needs a connection
/// string. Adding a migration never connects, so the placeholder is never used.
/// </summary>
public sealed class ChatDbContextDesignTimeFactory : IDesignTimeDbContextFactory<ChatDbContext>
{
    public ChatDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ChatDbContext>()
        .UseNpgsql("Host=localhost;Database=chat_design_time")
        .UseSnakeCaseNamingConvention()
        .Options);
}
