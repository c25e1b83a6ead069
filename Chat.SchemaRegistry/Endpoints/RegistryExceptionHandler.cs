using Chat.SchemaRegistry.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Chat.SchemaRegistry.Endpoints;

/// <summary>
/// The one place errors become responses, in Confluent's shape rather than ProblemDetails because Confluent clients
/// parse <c>error_code</c>. Unexpected failures become 50001 without internals; the details go to the log only.
/// </summary>
internal sealed partial class RegistryExceptionHandler(ILogger<RegistryExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case RegistryException registry:
                await RegistryJson.WriteErrorAsync(httpContext, registry.StatusCode, registry.ErrorCode, registry.Message);
                break;
            case BadHttpRequestException badRequest:
                await RegistryJson.WriteErrorAsync(httpContext, badRequest.StatusCode, badRequest.StatusCode, "Malformed request.");
                break;
            case OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested:
                break;
            default:
                LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
                var internalError = RegistryErrors.Internal();
                await RegistryJson.WriteErrorAsync(httpContext, internalError.StatusCode, internalError.ErrorCode, internalError.Message);
                break;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string path);
}
