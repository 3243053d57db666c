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
            // Both account look-ups lead with the organization, as the primary key does. While a table has no
            // statistics the planner's costs for these indexes tie, PostgreSQL keeps the index it considered
            // first, the newest, and a pooled connection's prepared statement keeps that plan as the table grows.
            // So the look-up indexes are made again after the primary key (which TenantLeadingKeys made last):
            // the email index, then the SCIM-user index. That one holds linked accounts only, so it cannot serve a
            // look-up by email, and as the newest it is the one a look-up by SCIM user finds first
            // (AccountLookUpPlanTests; docs/benchmarks.md, "POST's CPU").
            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_email_key",
                table: "collaborators");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_email_key",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_email_key",
                table: "mdm_employees");

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_email_key",
                table: "collaborators",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_organization_id_email_key",
                table: "employees",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_organization_id_email_key",
                table: "mdm_employees",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators",
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
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true,
                filter: "scim_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);
        }
    }
}
