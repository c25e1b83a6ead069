using Chat.Notifications;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chat.Tests.Notifications.Support;

/// <summary>The real Notifications service in-process, configured through the keys the AppHost sets.</summary>
public sealed class NotificationServiceFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<NotificationsApiMarker>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
