namespace Chat.SchemaRegistry.Domain;

/// <summary>
/// An error the API reports in Confluent's shape <c>{"error_code":40401,"message":"..."}</c>. The HTTP status is the
/// first three digits of a five-digit code (40401 → 404) or the code itself (409).
/// </summary>
public sealed class RegistryException(int errorCode, string message) : Exception(message)
{
    public int ErrorCode { get; } = errorCode;

    public int StatusCode => ErrorCode >= 10000 ? ErrorCode / 100 : ErrorCode;
}
