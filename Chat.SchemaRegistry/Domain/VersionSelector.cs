using System.Globalization;

namespace Chat.SchemaRegistry.Domain;

/// <summary>A version as a URL names it: a number from 1, or <c>latest</c> (also <c>-1</c>, as Confluent accepts).</summary>
public readonly record struct VersionSelector(bool IsLatest, int Number)
{
    public static VersionSelector Parse(string text)
    {
        if (string.Equals(text, "latest", StringComparison.OrdinalIgnoreCase) || text == "-1")
        {
            return new VersionSelector(true, 0);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? new VersionSelector(false, number)
            : throw RegistryErrors.InvalidVersion(text);
    }
}
