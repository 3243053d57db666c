using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.PolicyService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvisioningPolicies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "connection_policies",
                columns: table => new
                {
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_create = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    on_deactivate = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    default_role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    target_device_policy_id = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_connection_policies", x => x.connection_id);
                    table.ForeignKey(
                        name: "fk_connection_policies_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "group_role_mappings",
                columns: table => new
                {
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_role_mappings", x => new { x.connection_id, x.group_id });
                    table.ForeignKey(
                        name: "fk_group_role_mappings_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connection_policies");

            migrationBuilder.DropTable(
                name: "group_role_mappings");
        }
    }
}
