using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.PolicyService.Data.Migrations
{
    /// <inheritdoc />
    public partial class CredentialLimitsEnforcedByTheDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_oauth_clients_connection_id",
                table: "oauth_clients");

            migrationBuilder.DropIndex(
                name: "ix_bearer_tokens_connection_id",
                table: "bearer_tokens");

            migrationBuilder.AddColumn<short>(
                name: "slot",
                table: "bearer_tokens",
                type: "smallint",
                nullable: true);

            // Live tokens take the slots in the order they were made. A connection that a race
            // already gave a third live token keeps it working, slotless, until it is revoked.
            migrationBuilder.Sql("""
                UPDATE bearer_tokens AS t SET slot = ranked.n
                FROM (SELECT id, row_number() OVER (PARTITION BY connection_id ORDER BY created_at, id) AS n
                      FROM bearer_tokens
                      WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())) AS ranked
                WHERE t.id = ranked.id AND ranked.n <= 2;
                """);

            // Should a race have left two live OAuth clients, the newest stays, as a replace would have left it.
            migrationBuilder.Sql("""
                UPDATE oauth_clients AS c SET revoked_at = now()
                WHERE c.revoked_at IS NULL
                  AND EXISTS (SELECT 1 FROM oauth_clients AS newer
                              WHERE newer.connection_id = c.connection_id AND newer.revoked_at IS NULL
                                AND (newer.created_at, newer.id) > (c.created_at, c.id));
                """);

            migrationBuilder.CreateIndex(
                name: "ix_oauth_clients_connection_id_live",
                table: "oauth_clients",
                column: "connection_id",
                unique: true,
                filter: "revoked_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bearer_tokens_connection_id_slot",
                table: "bearer_tokens",
                columns: new[] { "connection_id", "slot" },
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_bearer_tokens_slot",
                table: "bearer_tokens",
                sql: "slot BETWEEN 1 AND 2");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_oauth_clients_connection_id_live",
                table: "oauth_clients");

            migrationBuilder.DropIndex(
                name: "ix_bearer_tokens_connection_id_slot",
                table: "bearer_tokens");

            migrationBuilder.DropCheckConstraint(
                name: "ck_bearer_tokens_slot",
                table: "bearer_tokens");

            migrationBuilder.DropColumn(
                name: "slot",
                table: "bearer_tokens");

            migrationBuilder.CreateIndex(
                name: "ix_oauth_clients_connection_id",
                table: "oauth_clients",
                column: "connection_id");

            migrationBuilder.CreateIndex(
                name: "ix_bearer_tokens_connection_id",
                table: "bearer_tokens",
                column: "connection_id");
        }
    }
}
