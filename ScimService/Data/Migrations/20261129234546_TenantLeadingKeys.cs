using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class TenantLeadingKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_collaborators_users_scim_user_id",
                table: "collaborators");

            migrationBuilder.DropForeignKey(
                name: "fk_devices_device_policies_device_policy_id",
                table: "devices");

            migrationBuilder.DropForeignKey(
                name: "fk_devices_mdm_employees_mdm_employee_id",
                table: "devices");

            migrationBuilder.DropForeignKey(
                name: "fk_employees_users_scim_user_id",
                table: "employees");

            migrationBuilder.DropForeignKey(
                name: "fk_mdm_employees_users_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropForeignKey(
                name: "fk_scim_group_members_groups_group_id",
                table: "scim_group_members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_users",
                table: "scim_users");

            migrationBuilder.DropIndex(
                name: "ix_scim_users_connection_id_id",
                table: "scim_users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_groups",
                table: "scim_groups");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_group_members",
                table: "scim_group_members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_provisioning_log",
                table: "provisioning_log");

            migrationBuilder.DropPrimaryKey(
                name: "pk_mdm_employees",
                table: "mdm_employees");

            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_employees",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_scim_user_id",
                table: "employees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_devices",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_device_policy_id",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_mdm_employee_id",
                table: "devices");

            migrationBuilder.DropPrimaryKey(
                name: "pk_device_policies",
                table: "device_policies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_collaborators",
                table: "collaborators");

            migrationBuilder.DropIndex(
                name: "ix_collaborators_scim_user_id",
                table: "collaborators");

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_users",
                table: "scim_users",
                columns: new[] { "connection_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_groups",
                table: "scim_groups",
                columns: new[] { "connection_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_group_members",
                table: "scim_group_members",
                columns: new[] { "connection_id", "group_id", "member_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_provisioning_log",
                table: "provisioning_log",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_mdm_employees",
                table: "mdm_employees",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_employees",
                table: "employees",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_devices",
                table: "devices",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_device_policies",
                table: "device_policies",
                columns: new[] { "organization_id", "id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_collaborators",
                table: "collaborators",
                columns: new[] { "organization_id", "id" });

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
                name: "ix_devices_organization_id_device_policy_id",
                table: "devices",
                columns: new[] { "organization_id", "device_policy_id" });

            migrationBuilder.CreateIndex(
                name: "ix_devices_organization_id_mdm_employee_id",
                table: "devices",
                columns: new[] { "organization_id", "mdm_employee_id" });

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators",
                columns: new[] { "organization_id", "scim_user_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_devices_device_policies_organization_id_device_policy_id",
                table: "devices",
                columns: new[] { "organization_id", "device_policy_id" },
                principalTable: "device_policies",
                principalColumns: new[] { "organization_id", "id" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_devices_mdm_employees_organization_id_mdm_employee_id",
                table: "devices",
                columns: new[] { "organization_id", "mdm_employee_id" },
                principalTable: "mdm_employees",
                principalColumns: new[] { "organization_id", "id" });

            migrationBuilder.AddForeignKey(
                name: "fk_scim_group_members_scim_groups_connection_id_group_id",
                table: "scim_group_members",
                columns: new[] { "connection_id", "group_id" },
                principalTable: "scim_groups",
                principalColumns: new[] { "connection_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_devices_device_policies_organization_id_device_policy_id",
                table: "devices");

            migrationBuilder.DropForeignKey(
                name: "fk_devices_mdm_employees_organization_id_mdm_employee_id",
                table: "devices");

            migrationBuilder.DropForeignKey(
                name: "fk_scim_group_members_scim_groups_connection_id_group_id",
                table: "scim_group_members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_users",
                table: "scim_users");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_groups",
                table: "scim_groups");

            migrationBuilder.DropPrimaryKey(
                name: "pk_scim_group_members",
                table: "scim_group_members");

            migrationBuilder.DropPrimaryKey(
                name: "pk_provisioning_log",
                table: "provisioning_log");

            migrationBuilder.DropPrimaryKey(
                name: "pk_mdm_employees",
                table: "mdm_employees");

            migrationBuilder.DropIndex(
                name: "ix_mdm_employees_organization_id_scim_user_id",
                table: "mdm_employees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_employees",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "ix_employees_organization_id_scim_user_id",
                table: "employees");

            migrationBuilder.DropPrimaryKey(
                name: "pk_devices",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_organization_id_device_policy_id",
                table: "devices");

            migrationBuilder.DropIndex(
                name: "ix_devices_organization_id_mdm_employee_id",
                table: "devices");

            migrationBuilder.DropPrimaryKey(
                name: "pk_device_policies",
                table: "device_policies");

            migrationBuilder.DropPrimaryKey(
                name: "pk_collaborators",
                table: "collaborators");

            migrationBuilder.DropIndex(
                name: "ix_collaborators_organization_id_scim_user_id",
                table: "collaborators");

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_users",
                table: "scim_users",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_groups",
                table: "scim_groups",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_scim_group_members",
                table: "scim_group_members",
                columns: new[] { "group_id", "member_id" });

            migrationBuilder.AddPrimaryKey(
                name: "pk_provisioning_log",
                table: "provisioning_log",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_mdm_employees",
                table: "mdm_employees",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_employees",
                table: "employees",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_devices",
                table: "devices",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_device_policies",
                table: "device_policies",
                column: "id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_collaborators",
                table: "collaborators",
                column: "id");

            migrationBuilder.CreateIndex(
                name: "ix_scim_users_connection_id_id",
                table: "scim_users",
                columns: new[] { "connection_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_scim_user_id",
                table: "mdm_employees",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_scim_user_id",
                table: "employees",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_devices_device_policy_id",
                table: "devices",
                column: "device_policy_id");

            migrationBuilder.CreateIndex(
                name: "ix_devices_mdm_employee_id",
                table: "devices",
                column: "mdm_employee_id");

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_scim_user_id",
                table: "collaborators",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_collaborators_users_scim_user_id",
                table: "collaborators",
                column: "scim_user_id",
                principalTable: "scim_users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_devices_device_policies_device_policy_id",
                table: "devices",
                column: "device_policy_id",
                principalTable: "device_policies",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_devices_mdm_employees_mdm_employee_id",
                table: "devices",
                column: "mdm_employee_id",
                principalTable: "mdm_employees",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_employees_users_scim_user_id",
                table: "employees",
                column: "scim_user_id",
                principalTable: "scim_users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_mdm_employees_users_scim_user_id",
                table: "mdm_employees",
                column: "scim_user_id",
                principalTable: "scim_users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_scim_group_members_groups_group_id",
                table: "scim_group_members",
                column: "group_id",
                principalTable: "scim_groups",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
