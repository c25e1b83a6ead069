using Chat.Auth.Accounts;
using Chat.Auth.Configuration;
using Chat.Auth.Data;
using Chat.Auth.Errors;
using Chat.Auth.Security;
using Chat.ServiceDefaults;
using Chat.ServiceDefaults.Startup;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Chat.Auth;

public static class Extensions
{
    public static IHostApplicationBuilder AddAuthServices(this IHostApplicationBuilder builder)
    {
        // Registers the database migrator first: the key refresher below needs the migrated schema.
        builder.AddNpgsqlDbContext<AuthDbContext>(ResourceNames.AuthDb, configureDbContextOptions: options => options.UseChatConventions());
        builder.AddMigrationsAtStart<AuthDbContext>(ResourceNames.AuthDb);
        builder.AddKafkaClients(ResourceNames.Kafka);
        builder.AddOutbox<AuthDbContext>();

        var services = builder.Services;
        services.AddOptions<TokenOptions>().BindConfiguration(TokenOptions.SectionName).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.SectionName).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoginRateLimitOptions>().BindConfiguration(LoginRateLimitOptions.SectionName).InStartupSummary().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<PasswordHasher>();
        services.AddSingleton<SigningKeyRing>();
        services.AddHostedService<SigningKeyRefresher>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddScoped<RefreshTokenStore>();
        services.AddScoped<AccountService>();
        services.AddLoginRateLimiting();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.ConfigureOptions<JwtBearerConfigurator>();
        services.AddAuthorization();

        services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }
}
