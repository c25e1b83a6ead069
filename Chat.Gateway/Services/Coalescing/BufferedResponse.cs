using System.Net;

namespace Chat.Gateway.Services.Coalescing;

/// <summary>A service's answer read to the end, so that every caller waiting on the same read gets its own copy.</summary>
public sealed class BufferedResponse
{
    private readonly HttpStatusCode status;
    private readonly string? reasonPhrase;
    private readonly Version version;
    private readonly KeyValuePair<string, IEnumerable<string>>[] headers;
    private readonly KeyValuePair<string, IEnumerable<string>>[] contentHeaders;
    private readonly byte[] body;

    private BufferedResponse(HttpResponseMessage response, byte[] body)
    {
        status = response.StatusCode;
        reasonPhrase = response.ReasonPhrase;
        version = response.Version;
        headers = [.. response.Headers];
        contentHeaders = [.. response.Content.Headers];
        this.body = body;
    }

    public static async Task<BufferedResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using (response)
        {
            return new BufferedResponse(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }
    }

    public HttpResponseMessage ToResponse(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(status)
        {
            ReasonPhrase = reasonPhrase,
            Version = version,
            RequestMessage = request,
            Content = new ByteArrayContent(body),
        };
        foreach (var (name, values) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, values);
        }

        foreach (var (name, values) in contentHeaders)
        {
            response.Content.Headers.TryAddWithoutValidation(name, values);
        }

        return response;
    }
}
