using System.Net;
using System.Text.Json;
using Chat.Gateway.Errors;

namespace Chat.Gateway.Services;

/// <summary>
/// Maps a downstream service's RFC 7807 problem response to a GraphQL error with a stable code, keeping the
/// client-facing parts (detail, per-field errors, conflicting field) and nothing else.
/// </summary>
public static class DownstreamProblem
{
    /// <param name="arguments">The GraphQL names of the call's REST parameters: fields and messages use them.</param>
    public static async Task<GatewayError> ToGatewayErrorAsync(
        HttpResponseMessage response, string service, CancellationToken cancellationToken, ArgumentNames? arguments = null)
    {
        arguments ??= ArgumentNames.Same;
        var problem = await ReadProblemAsync(response, cancellationToken);
        var status = response.StatusCode;
        if ((int)status >= 500)
        {
            return GatewayError.ServiceUnavailable(service);
        }

        var fieldErrors = problem.FieldErrors?.ToDictionary(
            entry => arguments.Rename(entry.Key), entry => entry.Value.Select(arguments.RenameInMessage).ToArray());
        // A validation problem's title ("One or more validation errors occurred.") says nothing: its messages do.
        var message = arguments.RenameInMessage(
            problem.Detail ?? Join(fieldErrors) ?? problem.Title ?? "The request was rejected.");
        var details = new Dictionary<string, object?>();
        if (fieldErrors is not null)
        {
            details["fieldErrors"] = fieldErrors;
        }

        // "field" names the one input at fault: given by the service (409), or the only field with errors.
        if ((problem.Field ?? (problem.FieldErrors is { Count: 1 } single ? single.Keys.First() : null)) is { } field)
        {
            details["field"] = arguments.Rename(JsonNamingPolicy.CamelCase.ConvertName(field));
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            return GatewayError.RateLimited(message, response.Headers.RetryAfter?.Delta, details);
        }

        var code = status switch
        {
            HttpStatusCode.Unauthorized => ErrorCodes.Unauthenticated,
            HttpStatusCode.Forbidden => ErrorCodes.Forbidden,
            HttpStatusCode.NotFound => ErrorCodes.NotFound,
            _ => ErrorCodes.BadUserInput,
        };
        // A token the gateway accepted may have expired by the time the service checked it: pass on why it was refused.
        if (status == HttpStatusCode.Unauthorized && problem.Reason is { } reason)
        {
            details["reason"] = reason;
        }

        return new GatewayError(code, message, details);
    }

    private static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (string.IsNullOrWhiteSpace(body))
            {
                return new Problem(null, null, null, null, null);
            }

            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Problem(null, null, null, null, null);
            }

            return new Problem(
                GetString(root, "title"),
                GetString(root, "detail"),
                GetString(root, "field"),
                GetString(root, "reason"),
                root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                    ? errors.EnumerateObject().ToDictionary(
                        e => JsonNamingPolicy.CamelCase.ConvertName(e.Name),
                        e => e.Value.ValueKind == JsonValueKind.Array
                            ? e.Value.EnumerateArray().Select(m => m.ToString()).ToArray()
                            : [e.Value.ToString()])
                    : null);
        }
        catch (JsonException)
        {
            // Not a problem document (e.g. a proxy's HTML page): the status code alone decides.
            return new Problem(null, null, null, null, null);
        }
    }

    private static string? Join(Dictionary<string, string[]>? fieldErrors) =>
        fieldErrors is { Count: > 0 } ? string.Join(" ", fieldErrors.Values.SelectMany(messages => messages)) : null;

    private static string? GetString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Problem(string? Title, string? Detail, string? Field, string? Reason, Dictionary<string, string[]>? FieldErrors);
}
