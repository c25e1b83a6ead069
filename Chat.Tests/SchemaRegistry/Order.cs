using Newtonsoft.Json;

namespace Chat.Tests.SchemaRegistry;

/// <summary>A payload for Confluent's serdes, which serialize with Newtonsoft.Json (hence its attributes).</summary>
public sealed class Order
{
    [JsonProperty("orderId")]
    public string OrderId { get; set; } = "";

    [JsonProperty("quantity")]
    public int Quantity { get; set; }

    public const string SchemaV1 = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": {
            "orderId": { "type": "string" },
            "quantity": { "type": "integer", "minimum": 1 }
          },
          "required": ["orderId", "quantity"],
          "additionalProperties": false
        }
        """;

    /// <summary>v1 plus an optional property: BACKWARD compatible (v1 is closed, so v1 data never has it).</summary>
    public const string SchemaV2WithOptionalNote = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": {
            "orderId": { "type": "string" },
            "quantity": { "type": "integer", "minimum": 1 },
            "note": { "type": "string" }
          },
          "required": ["orderId", "quantity"],
          "additionalProperties": false
        }
        """;

    /// <summary>v1 plus a required property: data written with v1 lacks it, so not BACKWARD compatible.</summary>
    public const string SchemaV2WithRequiredCustomer = """
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "Order",
          "type": "object",
          "properties": {
            "orderId": { "type": "string" },
            "quantity": { "type": "integer", "minimum": 1 },
            "customerId": { "type": "string" }
          },
          "required": ["orderId", "quantity", "customerId"],
          "additionalProperties": false
        }
        """;
}
