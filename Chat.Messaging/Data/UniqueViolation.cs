using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Chat.Messaging.Data;

public static class UniqueViolation
{
    /// <summary>True when SaveChanges failed because another request inserted the same key first.</summary>
    public static bool Of(DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres &&
        postgres.ConstraintName == constraint;
}
