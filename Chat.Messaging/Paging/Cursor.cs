using System.Buffers.Binary;
using Chat.Messaging.Domain;
using Chat.ServiceDefaults.Problems;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.Messaging.Paging;

/// <summary>
/// An opaque keyset position: a timestamp and an id, base64url-encoded. Clients pass it back unchanged; its layout
/// is ours to change.
/// </summary>
public readonly record struct Cursor(DateTimeOffset At, Guid Id)
{
    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[24];
        BinaryPrimitives.WriteInt64BigEndian(bytes, At.UtcTicks);
        Id.TryWriteBytes(bytes[8..]);
        return WebEncoders.Base64UrlEncode(bytes);
    }

    /// <summary>Null for no cursor (first page); a 400 for anything that is not one of ours.</summary>
    public static Cursor? Decode(string? value, string field = "cursor")
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(value);
            if (bytes.Length == 24)
            {
                var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes);
                if (ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks)
                {
                    return new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes.AsSpan(8)));
                }
            }
        }
        catch (FormatException)
        {
        }

        throw new InvalidInputException(field, "The cursor is not valid.");
    }
}
