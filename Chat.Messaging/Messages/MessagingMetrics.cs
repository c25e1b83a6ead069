using System.Diagnostics.Metrics;

namespace Chat.Messaging.Messages;

/// <summary>Meter <c>Chat.Messaging</c>: messages stored (a retried send that found its message is not counted).</summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Chat.Messaging";
    public const string SentName = "chat.messages.sent";

    private readonly Counter<long> sent;

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        sent = meter.CreateCounter<long>(SentName, "{message}", "Messages stored and announced on message.created");
    }

    public void Sent(bool isGroup) => sent.Add(1, new KeyValuePair<string, object?>("chat.conversation.group", isGroup));
}
