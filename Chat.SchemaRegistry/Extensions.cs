using Chat.SchemaRegistry.Data;
using Chat.SchemaRegistry.Endpoints;
using Chat.ServiceDefaults.Startup;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.SchemaRegistry;

/// <summary>DI and the HTTP surface of the registry.</summary>
public static class Extensions
{
    public static IHostApplicationBuilder AddSchemaRegistry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchemaRegistryOptions>()
            .BindConfiguration(SchemaRegistryOptions.SectionName).InStartupSummary()
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (string.IsNullOrWhiteSpace(options.DataDirectory))
                {
                    options.DataDirectory = Path.Combine(environment.ContentRootPath, ".data", "schema-registry");
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<SchemaStore>();
        builder.Services.AddExceptionHandler<RegistryExceptionHandler>();
        builder.Services.AddHealthChecks().AddCheck<SchemaStoreHealthCheck>("schema-store");
        return builder;
    }

    public static WebApplication MapSchemaRegistryEndpoints(this WebApplication app)
    {
        // Open (and replay) the store now, so a corrupt log or unwritable directory fails the start, not a request.
        app.Services.GetRequiredService<SchemaStore>();

        app.UseExceptionHandler();
        app.UseStatusCodePages(context => RegistryJson.WriteErrorAsync(
            context.HttpContext, context.HttpContext.Response.StatusCode, context.HttpContext.Response.StatusCode,
            $"HTTP {context.HttpContext.Response.StatusCode} {ReasonPhrases.GetReasonPhrase(context.HttpContext.Response.StatusCode)}"));

        app.MapGet("/", () => RegistryJson.Ok(new Dictionary<string, string>()));
        app.MapSubjectEndpoints();
        app.MapSchemaEndpoints();
        app.MapCompatibilityEndpoints();
        app.MapConfigEndpoints();
        return app;
    }
}
