using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class LinkedAccountIndexOnlyForLinkedAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators");

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true,
                filter: "scim_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true,
                filter: "scim_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true,
                filter: "scim_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators");

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);
        }
    }
}
