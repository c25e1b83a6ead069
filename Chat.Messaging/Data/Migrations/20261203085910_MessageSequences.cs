using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chat.Messaging.Data.Migrations
{
    /// <inheritdoc />
    public partial class MessageSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "change_seq",
                table: "messages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "seq",
                table: "messages",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "change_seq",
                table: "conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "message_seq",
                table: "conversations",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "read_change_seq",
                table: "conversation_members",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "read_marked_at",
                table: "conversation_members",
                type: "timestamp with time zone",
                nullable: true);

            // Existing messages are numbered in the order history showed them; the counters continue from there.
            // The trigger goes: the send's own row update of the conversation (ConversationLog) now moves
            // last_message_at together with message_seq, so a send locks the conversation row once, not twice.
            migrationBuilder.Sql("""
                UPDATE messages AS m SET seq = numbered.seq
                FROM (SELECT id, row_number() OVER (PARTITION BY conversation_id ORDER BY created_at, id) AS seq FROM messages) AS numbered
                WHERE m.id = numbered.id;
                UPDATE conversations AS c SET message_seq = COALESCE((SELECT max(seq) FROM messages WHERE conversation_id = c.id), 0);
                DROP TRIGGER messages_touch_conversation ON messages;
                DROP FUNCTION conversations_touch_last_message();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_messages_conversation_id_change_seq",
                table: "messages",
                columns: new[] { "conversation_id", "change_seq" },
                filter: "change_seq > 0");

            migrationBuilder.CreateIndex(
                name: "ix_messages_conversation_id_seq",
                table: "messages",
                columns: new[] { "conversation_id", "seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION conversations_touch_last_message() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE conversations
                    SET last_message_at = GREATEST(COALESCE(last_message_at, NEW.created_at), NEW.created_at)
                    WHERE id = NEW.conversation_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER messages_touch_conversation AFTER INSERT ON messages
                    FOR EACH ROW EXECUTE FUNCTION conversations_touch_last_message();
                """);

            migrationBuilder.DropIndex(
                name: "ix_messages_conversation_id_change_seq",
                table: "messages");

            migrationBuilder.DropIndex(
                name: "ix_messages_conversation_id_seq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "change_seq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "seq",
                table: "messages");

            migrationBuilder.DropColumn(
                name: "change_seq",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "message_seq",
                table: "conversations");

            migrationBuilder.DropColumn(
                name: "read_change_seq",
                table: "conversation_members");

            migrationBuilder.DropColumn(
                name: "read_marked_at",
                table: "conversation_members");
        }
    }
}
