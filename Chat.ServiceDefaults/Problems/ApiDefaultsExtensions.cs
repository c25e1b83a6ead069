using Chat.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every REST service (Auth, Messaging, Presence, Notifications) runs in front of its endpoints.</summary>
public static class ApiDefaultsExtensions
{
    /// <summary>The shared problem-details handler, fed with <typeparamref name="TMapping"/>: the service's own exceptions.</summary>
    public static IServiceCollection AddProblemMapping<TMapping>(this IServiceCollection services) where TMapping : class, IProblemMapping
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExceptionHandler, ProblemExceptionHandler>());
        services.AddSingleton<IProblemMapping, TMapping>();
        return services;
    }

    /// <summary>
    /// Exceptions and bare status codes (a 401 challenge, an unknown route) become problem details; the caller is
    /// authenticated and authorized; then text the store cannot hold is refused before any endpoint sees it.
    /// </summary>
    public static WebApplication UseApiDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<StorableTextMiddleware>();
        return app;
    }
}
