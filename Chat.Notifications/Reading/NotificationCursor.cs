using System.Globalization;
using System.Text;
using Chat.Notifications.Domain;
using Microsoft.AspNetCore.WebUtilities;

namespace Chat.Notifications.Reading;

/// <summary>An opaque keyset cursor: the (createdAt, id) of the last notification of a page.</summary>
public readonly record struct NotificationCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public static NotificationCursor Of(Delivery.NotificationView notification) => new(notification.CreatedAt, notification.Id);

    public string Encode() =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}:{Id:N}")));

    /// <exception cref="InvalidCursorException">Not a cursor this service produced.</exception>
    public static NotificationCursor Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            var parts = text.Split(':');
            if (parts.Length == 2 &&
                long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
                ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks &&
                Guid.TryParseExact(parts[1], "N", out var id))
            {
                return new NotificationCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            }
        }
        catch (FormatException)
        {
            // not base64url: same answer as any other malformed cursor
        }

        throw new InvalidCursorException();
    }
}
