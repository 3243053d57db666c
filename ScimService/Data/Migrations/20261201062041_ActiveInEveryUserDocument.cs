using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <summary>
    /// A user sent without "active" is provisioned as active and filters find it so; its document now says so too
    /// (UserWriter writes it from here on). Only such rows are rewritten: Okta and Entra always send "active".
    /// </summary>
    public partial class ActiveInEveryUserDocument : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE scim_users SET attributes = jsonb_set(attributes, '{active}', to_jsonb(active)) WHERE NOT attributes ? 'active';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The documents keep "active": it is what the column holds, and the older code reads it the same way.
        }
    }
}
