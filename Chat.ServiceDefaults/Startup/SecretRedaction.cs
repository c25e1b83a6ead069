using System.Text.RegularExpressions;

namespace Chat.ServiceDefaults.Startup;

/// <summary>
/// Hides secrets in what is about to be logged: password-like settings in connection strings (Npgsql's
/// <c>;</c>-separated and StackExchange.Redis's <c>,</c>-separated alike) and the password of URLs with user info.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "***";

    public static string Redact(string? text) => string.IsNullOrEmpty(text)
        ? text ?? ""
        : UrlPassword().Replace(SecretSetting().Replace(text, $"${{key}}={Mask}"), $"${{user}}:{Mask}@");

    /// <summary>Whether a setting of this name holds a secret (its value is never shown).</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"(?<key>\b(?:password|pwd|secret|api[-_ ]?key|access[-_ ]?key|sasl\.password)\b)\s*=\s*[^;,]*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSetting();

    [GeneratedRegex(@"(?<user>://[^:/@\s]+):[^@/\s]+@")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"password|secret|privatekey|apikey|accesskey|signingkey|connectionstring", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();
}
