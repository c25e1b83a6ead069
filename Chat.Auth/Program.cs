using Chat.Auth;
using Chat.Auth.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAuthServices();

var app = builder.Build();

app.UseExceptionHandler();
// Bare 401/404/405/415 answers (authentication challenge, unknown route) become problem details too.
app.UseStatusCodePages();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapJwksEndpoints();
app.MapAuthEndpoints();

app.Run();
