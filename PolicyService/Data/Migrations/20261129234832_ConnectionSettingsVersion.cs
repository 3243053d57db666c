using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.PolicyService.Data.Migrations
{
    /// <inheritdoc />
    public partial class ConnectionSettingsVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "settings_version",
                table: "connections",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "settings_version",
                table: "connections");
        }
    }
}
