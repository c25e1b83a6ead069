using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageDeletions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "message_id",
                table: "notifications",
                type: "uuid",
                nullable: true);

            // Notifications stored before this column name their message only in data.
            migrationBuilder.Sql(
                "UPDATE notifications SET message_id = (data->>'messageId')::uuid WHERE type = 'NEW_MESSAGE' AND data ? 'messageId'");

            migrationBuilder.CreateTable(
                name: "deleted_messages",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    deleted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_deleted_messages", x => x.message_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_message_id",
                table: "notifications",
                column: "message_id",
                filter: "message_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "deleted_messages");

            migrationBuilder.DropIndex(
                name: "ix_notifications_message_id",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "message_id",
                table: "notifications");
        }
    }
}
