using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Chat.AppHost.Telemetry;

/// <summary>
/// Reads an OTLP/HTTP request body, never more than the configured limit (after gunzip too): a misbehaving
/// exporter gets 413 instead of making the AppHost buffer whatever it sends.
/// </summary>
internal static class OtlpRequestBody
{
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var body = request.Headers.ContentEncoding.ToString() switch
        {
            "gzip" => new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true),
            _ => request.Body,
        };
        await using (body.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
    }
}
