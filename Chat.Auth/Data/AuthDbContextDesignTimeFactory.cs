using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Chat.Auth.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without running the host, which needs a connection
/// string. Adding a migration never connects, so the placeholder is never used.
/// </summary>
public sealed class AuthDbContextDesignTimeFactory : IDesignTimeDbContextFactory<AuthDbContext>
{
    public AuthDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<AuthDbContext>()
        .UseNpgsql("Host=localhost;Database=auth_design_time")
        .UseSnakeCaseNamingConvention()
        .Options);
}
