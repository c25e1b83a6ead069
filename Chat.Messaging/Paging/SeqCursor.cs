using System.Buffers.Binary;
using Chat.ServiceDefaults.Problems;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.Messaging.Paging;

/// <summary>
/// An opaque history position: a message's seq in its conversation, base64url-encoded. Clients pass it back
/// unchanged; a cursor of the older (created_at, id) layout is refused as not one of ours.
/// </summary>
public readonly record struct SeqCursor(long Seq)
{
    private const int Length = 9;
    private const byte Layout = 1;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Layout;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], Seq);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Null for no cursor (first page); a 400 for anything that is not one of ours.</summary>
    public static SeqCursor? Decode(string? value, string field = "cursor")
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(value);
            if (bytes.Length == Length && bytes[0] == Layout && BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1)) is var seq and >= 0)
            {
                return new SeqCursor(seq);
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(field, "The cursor is not valid.");
    }
}
