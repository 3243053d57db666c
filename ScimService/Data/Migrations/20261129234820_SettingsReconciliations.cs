using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class SettingsReconciliations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settings_reconciliations",
                columns: table => new
                {
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    settings_version = table.Column<long>(type: "bigint", nullable: false),
                    collaborators_evaluated = table.Column<int>(type: "integer", nullable: false),
                    collaborators_changed = table.Column<int>(type: "integer", nullable: false),
                    reconciled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settings_reconciliations", x => x.connection_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "settings_reconciliations");
        }
    }
}
