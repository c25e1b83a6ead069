using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class NotificationSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "seq",
                table: "notifications",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "notification_sequences",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notification_sequences", x => x.user_id);
                });

            // Existing notifications are numbered in the order a user's list showed them (oldest first); counters follow.
            migrationBuilder.Sql("""
                UPDATE notifications AS n SET seq = numbered.seq
                FROM (SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS seq FROM notifications) AS numbered
                WHERE n.id = numbered.id;
                INSERT INTO notification_sequences (user_id, last_seq) SELECT user_id, max(seq) FROM notifications GROUP BY user_id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_seq",
                table: "notifications",
                columns: new[] { "user_id", "seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "notification_sequences");

            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_seq",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "seq",
                table: "notifications");
        }
    }
}
