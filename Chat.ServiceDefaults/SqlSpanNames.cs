using System.Text.RegularExpressions;
using Npgsql;

namespace Chat.ServiceDefaults;

/// <summary>
/// Names database spans after what they do — <c>INSERT messages</c>, <c>SELECT notifications</c>, <c>COMMIT</c> —
/// the low-cardinality summary OpenTelemetry's database conventions recommend, instead of Npgsql's default of the
/// database name, which makes every span of a waterfall read "postgresql".
/// </summary>
public static partial class SqlSpanNames
{
    public static string? ForCommand(NpgsqlCommand command) => Summarize(command.CommandText);

    /// <summary>A batch is named after its first statement, with how many there are.</summary>
    public static string? ForBatch(NpgsqlBatch batch) => batch.BatchCommands.Count switch
    {
        0 => null,
        1 => Summarize(batch.BatchCommands[0].CommandText),
        var count => $"{Summarize(batch.BatchCommands[0].CommandText)} (+{count - 1})",
    };

    /// <summary>The statement's verb and the first table it names; null (Npgsql's default) when it can't tell.</summary>
    public static string? Summarize(string? sql)
    {
        if (string.IsNullOrWhiteSpace(sql) || Statement().Match(sql) is not { Success: true } statement)
        {
            return null;
        }
        var verb = statement.Groups["verb"].Value.ToUpperInvariant();
        var table = Table().Match(sql);
        return table.Success ? $"{verb} {table.Groups["table"].Value.Replace("\"", "", StringComparison.Ordinal)}" : verb;
    }

    [GeneratedRegex(@"^\s*(?:--[^\n]*\n\s*)*(?<verb>[A-Za-z]+)")]
    private static partial Regex Statement();

    [GeneratedRegex(@"\b(?:FROM|INTO|UPDATE|JOIN)\s+(?<table>""[^""]+""|[A-Za-z_][\w.]*)", RegexOptions.IgnoreCase)]
    private static partial Regex Table();
}
