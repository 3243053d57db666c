using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomAttributeValues : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "custom_values",
                table: "scim_users",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "custom_values",
                table: "scim_groups",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.AddColumn<string>(
                name: "custom_attributes",
                table: "provisioning_log",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_custom_values",
                table: "scim_users",
                column: "custom_values")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_scim_groups_custom_values",
                table: "scim_groups",
                column: "custom_values")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "jsonb_path_ops" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scim_users_custom_values",
                table: "scim_users");

            migrationBuilder.DropIndex(
                name: "ix_scim_groups_custom_values",
                table: "scim_groups");

            migrationBuilder.DropColumn(
                name: "custom_values",
                table: "scim_users");

            migrationBuilder.DropColumn(
                name: "custom_values",
                table: "scim_groups");

            migrationBuilder.DropColumn(
                name: "custom_attributes",
                table: "provisioning_log");
        }
    }
}
