using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Provisioning.ScimService.Data.Migrations
{
    /// <inheritdoc />
    public partial class DateTimeInstants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Declared dateTime values are kept as the IdP wrote them, so filters and sortBy compare the instants
            // this function reads from that text (SqlComparison.Instant). It answers NULL — a missing value —
            // instead of failing the query for text that is no xsd:dateTime ("not a date", "now", stored while the
            // attribute was declared a string) or that names no instant the service accepts (2024-02-31, 24:00:00,
            // an offset beyond ±14:00, a UTC year outside 1–9999 as DateTimeOffset has it): the pattern lets only
            // ISO 8601 within those bounds through, the cast's own range errors are caught, and the range is
            // checked after it. A value without an offset is UTC, as in the in-memory evaluator; with the offset
            // always explicit, neither the session's TimeZone nor its DateStyle changes the result, hence IMMUTABLE.
            // Only the cast runs inside the exception block, since entering one costs a subtransaction.
            migrationBuilder.Sql("""
                CREATE FUNCTION scim_datetime(value text) RETURNS timestamptz
                LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
                DECLARE
                    instant timestamptz;
                BEGIN
                    IF value !~ '^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))?$' THEN
                        RETURN NULL;
                    END IF;
                    IF value !~ '(Z|[+-]\d{2}:\d{2})$' THEN
                        value := value || 'Z';
                    END IF;
                    BEGIN
                        instant := value::timestamptz;
                    EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format OR invalid_time_zone_displacement_value THEN
                        RETURN NULL;
                    END;
                    RETURN CASE WHEN instant >= '0001-01-01T00:00:00Z' AND instant < '10000-01-01T00:00:00Z' THEN instant END;
                END
                $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION scim_datetime(text);");
        }
    }
}
