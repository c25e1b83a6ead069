using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Chat.ServiceDefaults.Eventing;

/// <summary>
/// librdkafka prints its own log lines to stderr unless a client has a log handler — while a broker is away that
/// is a line every 50 ms per client, past the logging pipeline's levels and filters. These handlers send the
/// lines to the client's logger instead, at Debug: whatever librdkafka logs as an error also reaches the error
/// handler each client sets, which logs it at its proper level once.
/// </summary>
public static partial class KafkaClientLogging
{
    public static ProducerBuilder<TKey, TValue> LogTo<TKey, TValue>(this ProducerBuilder<TKey, TValue> builder, ILogger logger) =>
        builder.SetLogHandler((_, message) => Log(logger, message));

    public static ConsumerBuilder<TKey, TValue> LogTo<TKey, TValue>(this ConsumerBuilder<TKey, TValue> builder, ILogger logger) =>
        builder.SetLogHandler((_, message) => Log(logger, message));

    private static void Log(ILogger logger, LogMessage message) =>
        LogLine(logger, message.Name, message.Level, message.Facility, message.Message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Client} {SyslogLevel} {Facility}: {Line}")]
    private static partial void LogLine(ILogger logger, string client, SyslogLevel syslogLevel, string facility, string line);
}
