// The AppHost runs Linux processes (setpriv, initdb, redis-server) and uses POSIX signals.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
