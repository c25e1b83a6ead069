using System.Globalization;

namespace Chat.Bench;

/// <summary>The scenarios' <c>--name value</c> options and <c>--flag</c> switches.</summary>
public sealed class CommandLine(string[] arguments)
{
    public string[] Arguments => arguments;

    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public string? Value(string name) =>
        Array.IndexOf(arguments, name) is var index and >= 0 && index + 1 < arguments.Length ? arguments[index + 1] : null;

    public int Int(string name, int fallback) =>
        Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Seconds(string name, double fallback) =>
        Value(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => arguments.Contains(name);

    /// <summary>A comma-separated list of numbers, e.g. <c>--levels 1,4,16,64</c>.</summary>
    public double[] Numbers(string name, string fallback) =>
        [.. (Value(name) ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(number => double.Parse(number, CultureInfo.InvariantCulture))];
}
