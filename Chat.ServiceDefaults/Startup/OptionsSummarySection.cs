using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Chat.ServiceDefaults.Startup;

/// <summary>Bound options as compact JSON, every property whose name says "secret" masked.</summary>
public sealed class OptionsSummarySection<TOptions>(IOptions<TOptions> options) : IStartupSummarySection
    where TOptions : class
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => typeof(TOptions).Name;

    public string Describe()
    {
        var node = JsonSerializer.SerializeToNode(options.Value, Json);
        Mask(node);
        return node?.ToJsonString() ?? "null";
    }

    private static void Mask(JsonNode? node)
    {
        if (node is JsonObject json)
        {
            foreach (var (name, value) in json.ToList())
            {
                if (SecretRedaction.IsSecretName(name) && value is not null)
                {
                    json[name] = SecretRedaction.Mask;
                }
                else
                {
                    Mask(value);
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Mask(item);
            }
        }
    }
}
