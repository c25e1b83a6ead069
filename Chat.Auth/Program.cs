using Chat.Auth;
using Chat.Auth.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAuthServices();

var app = builder.Build();

app.UseApiDefaults();
// Login attempts are limited per IP (see LoginRateLimiting).
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapJwksEndpoints();
app.MapAuthEndpoints();

app.Run();
