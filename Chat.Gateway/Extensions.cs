using Chat.Gateway.Configuration;
using Chat.Gateway.Diagnostics;
using Chat.Gateway.Errors;
using Chat.Gateway.Http;
using Chat.Gateway.Schema;
using Chat.Gateway.Security;
using Chat.Gateway.Validation;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;
using GraphQL;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Chat.Gateway;

public static partial class Extensions
{
    public const string CorsPolicyName = "graphql";

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        builder.AddAuthServiceTokenValidation();
        builder.AddGatewayRealtime();
        var services = builder.Services;
        services.AddOptions<GraphQLEndpointOptions>().BindConfiguration(GraphQLEndpointOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GatewayRateLimitOptions>().BindConfiguration(GatewayRateLimitOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DownstreamOptions>().BindConfiguration(DownstreamOptions.SectionName).InStartupSummary()
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GatewayCorsOptions>().BindConfiguration(GatewayCorsOptions.SectionName).InStartupSummary();

        services.AddHttpContextAccessor();
        services.AddGraphQLSchema();
        // Building the schema and the execution pipeline takes seconds on a cold process: not on a client's time.
        services.AddWarmUp("graphql schema", (provider, cancellationToken) => provider.GetRequiredService<IDocumentExecuter<ChatSchema>>()
            .ExecuteAsync(new ExecutionOptions { Query = "{ __typename }", RequestServices = provider, CancellationToken = cancellationToken }));
        services.AddServiceClients(builder.Configuration.GetValue<bool>(DownstreamCallCounter.SettingKey));
        services.AddSingleton<CallerRateLimiter>();
        services.AddRateLimiter(GraphQLRateLimiting.Configure);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<GatewayCorsOptions>>((cors, allowed) => cors.AddPolicy(CorsPolicyName, policy => policy
                .WithOrigins(allowed.Value.AllowedOrigins)
                .WithMethods(HttpMethods.Get, HttpMethods.Post)
                .WithHeaders("Authorization", "Content-Type", "Accept")));
        return builder;
    }

    public static WebApplication MapGatewayEndpoints(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseWebSockets();
        app.MapGraphQLHttp()
            .RequireCors(CorsPolicyName)
            .RequireRateLimiting(GraphQLRateLimiting.PolicyName);
        app.MapGraphQLIde();
        if (app.Services.GetService<DownstreamCallCounter>() is { } counter)
        {
            app.MapGet("/diagnostics/downstream-calls", () => TypedResults.Ok(counter.Snapshot()));
        }
        return app;
    }

    private static void AddGraphQLSchema(this IServiceCollection services)
    {
        services.AddSingleton<GraphQLRequestReader>();
        services.AddSingleton<GraphQLResponseWriter>();
        // Registered before AddGraphQL, which only adds its own validator when none is.
        services.AddSingleton<GraphQL.Validation.IDocumentValidator, BoundedDocumentValidator>();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<ChatSchema>()
            .AddGraphTypes(typeof(ChatSchema).Assembly)
            .AddAutoClrMappings()
            // Responses are JSON documents, never embedded in HTML: escaping only what JSON requires keeps
            // timestamps ("+00:00") and messages readable.
            .AddSystemTextJson(json => json.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<GatewayErrorInfoProvider>()
            .AddComplexityAnalyzer((complexity, provider) =>
            {
                var limits = provider.GetRequiredService<IOptions<GraphQLEndpointOptions>>().Value;
                // Depth is checked by BoundedDocumentValidator, which treats introspection apart.
                complexity.MaxDepth = null;
                complexity.MaxComplexity = limits.MaxComplexity;
                complexity.DefaultComplexityImpactDelegate = IntrospectionComplexity.Wrap(complexity.DefaultComplexityImpactDelegate);
            })
            .AddValidationRule<IntrospectionAccessRule>()
            .ConfigureExecutionOptions(options =>
            {
                // A query or mutation that outlives its budget is abandoned; a subscription lives as long as its client.
                if (GraphQLOperations.Select(options.Document, options.OperationName) is not { Operation: GraphQLParser.AST.OperationType.Subscription } &&
                    options.RequestServices?.GetService<IOptions<GraphQLEndpointOptions>>() is { } limits)
                {
                    options.Timeout = limits.Value.MaxExecutionTime;
                }

                var logger = options.RequestServices?.GetService<ILogger<ChatSchema>>() ??
                    Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatSchema>.Instance;
                options.UnhandledExceptionDelegate = context =>
                {
                    // A document nested past the parser's limit arrives here too, but it is the client's error.
                    if (context.OriginalException is not GraphQLParser.Exceptions.GraphQLParserException)
                    {
                        LogUnhandledResolverException(logger, context.OriginalException, context.FieldContext?.FieldDefinition.Name);
                    }

                    return Task.CompletedTask;
                };
            }));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in resolver of field {Field}")]
    private static partial void LogUnhandledResolverException(ILogger logger, Exception exception, string? field);
}
