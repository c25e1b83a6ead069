using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Messaging.Data.Migrations
{
    /// <summary>Reactions, replies and threads, mentions, muting and edit history (issue 16); existing rows get empty defaults.</summary>
    public partial class ConversationFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_change",
                table: "messages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Edited");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_reply_at",
                table: "messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "mentioned_user_ids",
                table: "messages",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<int>(
                name: "reply_count",
                table: "messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "reply_to_id",
                table: "messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "thread_repliers",
                table: "messages",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "muted_at",
                table: "conversation_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "muted_until",
                table: "conversation_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "message_reactions",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    emoji = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_reactions", x => new { x.message_id, x.emoji, x.user_id });
                    table.ForeignKey(
                        name: "fk_message_reactions_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "message_versions",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    written_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    replaced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_message_versions", x => new { x.message_id, x.version });
                    table.ForeignKey(
                        name: "fk_message_versions_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "thread_reads",
                columns: table => new
                {
                    root_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    last_read_seq = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_thread_reads", x => new { x.root_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_thread_reads_messages_root_id",
                        column: x => x.root_id,
                        principalTable: "messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_messages_reply_to_id_seq",
                table: "messages",
                columns: new[] { "reply_to_id", "seq" },
                filter: "reply_to_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_message_reactions_message_id_emoji_created_at_user_id",
                table: "message_reactions",
                columns: new[] { "message_id", "emoji", "created_at", "user_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "message_reactions");

            migrationBuilder.DropTable(
                name: "message_versions");

            migrationBuilder.DropTable(
                name: "thread_reads");

            migrationBuilder.DropIndex(
                name: "ix_messages_reply_to_id_seq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "last_change",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "last_reply_at",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "mentioned_user_ids",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "reply_count",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "reply_to_id",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "thread_repliers",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "muted_at",
                table: "conversation_members");

            migrationBuilder.DropColumn(
                name: "muted_until",
                table: "conversation_members");
        }
    }
}
