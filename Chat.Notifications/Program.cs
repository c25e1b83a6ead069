using Chat.Notifications;
using Chat.Notifications.Endpoints;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();

app.UseExceptionHandler();
// Bare 401/404/405 answers (authentication challenge, unknown route) become problem details too.
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapNotificationEndpoints();

app.Run();
