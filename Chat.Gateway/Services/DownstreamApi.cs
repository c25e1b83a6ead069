using System.Net;
using System.Net.Http.Json;
using Chat.Gateway.Errors;
using Chat.Gateway.Services.Resilience;

namespace Chat.Gateway.Services;

/// <summary>
/// One service's REST API as the gateway calls it, shared by the typed service clients: JSON in and out; a service
/// that cannot be reached or answers too late becomes SERVICE_UNAVAILABLE, a problem answer the matching GraphQL
/// error (<see cref="DownstreamProblem"/>). Only the method is logged: paths carry ids and search terms.
/// </summary>
public sealed partial class DownstreamApi(HttpClient http, string serviceName, ILogger logger)
{
    /// <summary>Sends <paramref name="body"/> (if any) as JSON and reads the answer as <typeparamref name="T"/>; 204 gives default.</summary>
    /// <param name="arguments">What the path's query parameters are called in GraphQL, for the errors they cause.</param>
    public async Task<T> SendAsync<T>(
        HttpMethod method, string path, object? body, CancellationToken cancellationToken, ArgumentNames? arguments = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (Exception exception) when (DownstreamResilience.IsUnavailable(exception, cancellationToken))
        {
            LogUnavailable(logger, exception, serviceName, method.Method);
            throw GatewayError.ServiceUnavailable(serviceName);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(logger, serviceName, method.Method, (int)response.StatusCode);
                throw await DownstreamProblem.ToGatewayErrorAsync(response, serviceName, cancellationToken, arguments);
            }

            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return default!;
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new InvalidOperationException($"The {serviceName} service answered a {method.Method} request with an empty body.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Service} service is unavailable for a {Method} request")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string service, string method);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Service} service answered a {Method} request with {StatusCode}")]
    private static partial void LogRejected(ILogger logger, string service, string method, int statusCode);
}
