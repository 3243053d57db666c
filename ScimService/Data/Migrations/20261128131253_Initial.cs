using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scim_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "text", nullable: false),
                    display_name_key = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    attributes = table.Column<string>(type: "jsonb", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_groups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scim_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "text", nullable: false),
                    user_name_key = table.Column<string>(type: "text", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    display_name = table.Column<string>(type: "text", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    attributes = table.Column<string>(type: "jsonb", nullable: false),
                    email_values = table.Column<string[]>(type: "text[]", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_modified = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scim_group_members",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_type = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scim_group_members", x => new { x.group_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_scim_group_members_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "scim_groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scim_group_members_connection_id_member_id",
                table: "scim_group_members",
                columns: new[] { "connection_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_groups_connection_id_display_name_key",
                table: "scim_groups",
                columns: new[] { "connection_id", "display_name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scim_groups_connection_id_external_id",
                table: "scim_groups",
                columns: new[] { "connection_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_connection_id_external_id",
                table: "scim_users",
                columns: new[] { "connection_id", "external_id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_connection_id_id",
                table: "scim_users",
                columns: new[] { "connection_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_connection_id_user_name_key",
                table: "scim_users",
                columns: new[] { "connection_id", "user_name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_email_values",
                table: "scim_users",
                column: "email_values")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Users' displayName is caseExact=false: filters compare lower() on both sides, so index that.
            migrationBuilder.Sql("CREATE INDEX ix_scim_users_connection_id_display_name_lower ON scim_users (connection_id, lower(display_name));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scim_group_members");

            migrationBuilder.DropTable(
                name: "scim_users");

            migrationBuilder.DropTable(
                name: "scim_groups");
        }
    }
}
