using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <summary>
    /// The SCIM password is no longer kept: nothing read its hash, and hashing it inside the
    /// user's row lock only cost time. The hashes already stored go with the column.
    /// </summary>
    public partial class DropScimUserPasswordHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "password_hash",
                table: "scim_users");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "password_hash",
                table: "scim_users",
                type: "text",
                nullable: true);
        }
    }
}
