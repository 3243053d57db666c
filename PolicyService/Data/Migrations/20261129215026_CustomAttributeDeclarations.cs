using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.PolicyService.Data.Migrations
{
    /// <inheritdoc />
    public partial class CustomAttributeDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "undeclared_attributes",
                table: "connections",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Ignore");

            migrationBuilder.CreateTable(
                name: "custom_attribute_declarations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    connection_id = table.Column<Guid>(type: "uuid", nullable: false),
                    resource_type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    schema_urn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    multi_valued = table.Column<bool>(type: "boolean", nullable: false),
                    case_exact = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_custom_attribute_declarations", x => x.id);
                    table.ForeignKey(
                        name: "fk_custom_attribute_declarations_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_custom_attribute_declarations_connection_id",
                table: "custom_attribute_declarations",
                column: "connection_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "custom_attribute_declarations");

            migrationBuilder.DropColumn(
                name: "undeclared_attributes",
                table: "connections");
        }
    }
}
