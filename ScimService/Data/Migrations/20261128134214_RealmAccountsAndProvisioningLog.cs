using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class RealmAccountsAndProvisioningLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "collaborators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email_key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    scim_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_collaborators", x => x.id);
                    table.ForeignKey(
                        name: "fk_collaborators_users_scim_user_id",
                        column: x => x.scim_user_id,
                        principalTable: "scim_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "device_policies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_policies", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email_key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    scim_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_employees", x => x.id);
                    table.ForeignKey(
                        name: "fk_employees_users_scim_user_id",
                        column: x => x.scim_user_id,
                        principalTable: "scim_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "mdm_employees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    email_key = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    display_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    scim_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mdm_employees", x => x.id);
                    table.ForeignKey(
                        name: "fk_mdm_employees_users_scim_user_id",
                        column: x => x.scim_user_id,
                        principalTable: "scim_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "provisioning_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    request_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    realm = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    identity_provider = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    scim_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    scim_group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    operation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    policy = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provisioning_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "devices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    platform = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    serial_number = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    mdm_employee_id = table.Column<Guid>(type: "uuid", nullable: true),
                    device_policy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_devices", x => x.id);
                    table.ForeignKey(
                        name: "fk_devices_device_policies_device_policy_id",
                        column: x => x.device_policy_id,
                        principalTable: "device_policies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_devices_mdm_employees_mdm_employee_id",
                        column: x => x.mdm_employee_id,
                        principalTable: "mdm_employees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_organization_id_email_key",
                table: "collaborators",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_collaborators_scim_user_id",
                table: "collaborators",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_device_policies_organization_id_name",
                table: "device_policies",
                columns: new[] { "organization_id", "name" },
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
                name: "ix_devices_organization_id_serial_number",
                table: "devices",
                columns: new[] { "organization_id", "serial_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_organization_id_email_key",
                table: "employees",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_employees_scim_user_id",
                table: "employees",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_organization_id_email_key",
                table: "mdm_employees",
                columns: new[] { "organization_id", "email_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_mdm_employees_scim_user_id",
                table: "mdm_employees",
                column: "scim_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_provisioning_log_connection_id_at",
                table: "provisioning_log",
                columns: new[] { "connection_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_provisioning_log_organization_id_at",
                table: "provisioning_log",
                columns: new[] { "organization_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_provisioning_log_scim_user_id_at",
                table: "provisioning_log",
                columns: new[] { "scim_user_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "collaborators");

            migrationBuilder.DropTable(
                name: "devices");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "provisioning_log");

            migrationBuilder.DropTable(
                name: "device_policies");

            migrationBuilder.DropTable(
                name: "mdm_employees");
        }
    }
}
