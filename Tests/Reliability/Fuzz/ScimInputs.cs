using System.Globalization;
using System.Text.Json;
using CsCheck;

namespace Provisioning.Tests.Reliability.Fuzz;

/// <summary>
/// Generators of SCIM requests that are almost right: filters from the grammar's own pieces,
/// PATCH operations with real and broken paths and values, bodies of known and unknown
/// attributes, odd headers, Bulk requests — with noise mixed in at every level.
/// </summary>
public static class ScimInputs
{
    private static readonly string[] AttributePaths =
    [
        "userName", "name.familyName", "name.givenName", "displayName", "active", "externalId", "id", "title",
        "emails", "emails.value", "emails.type", "emails.primary", "emails[type eq \"work\"].value", "emails[primary eq true]",
        "phoneNumbers[type eq \"mobile\"].value", "addresses[type eq \"work\"].locality", "groups", "groups.value",
        "members", "members.value", "members[value eq \"{user}\"]", "meta.lastModified", "meta.created", "meta.resourceType",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "urn:ietf:params:scim:schemas:core:2.0:User:userName",
        "password", "x509Certificates.value", "roles[primary eq true].value", "nosuch", "name.nosuch", "emails[", "emails[type eq]", "..", "a.b.c", "",
    ];

    private static readonly string[] Operators = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le", "pr", "EQ", "Eq", "xx", "", "and", "not"];

    private static readonly Gen<char> AlphaNumeric = Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"];

    public static readonly Gen<string> Text = Gen.Frequency<string>(
        (4, AlphaNumeric.Array[0, 24].Select(chars => new string(chars))),
        (2, Gen.String[0, 24]),
        (2, Gen.OneOf("\"", "\\", "\\u0000", "\u0000", "\ud800", "%00", "'", "bulkId:x", "bulkId:", "{user}", "{group}", "  ", "é", "😀", "\r\n", "</script>", "null", "true", "1e999")),
        (1, Gen.Int[100, 20_000].Select(n => new string('x', n))),
        (1, Gen.Int[100, 4_000].Select(n => string.Concat(Enumerable.Range(0, n).Select(i => (char)('a' + (i * 7919 + n) % 26))))));

    private static readonly Gen<string> JsonString = Text.Select(t => JsonSerializer.Serialize(t));

    /// <summary>A JSON value: scalars of every kind, arrays, and objects keyed by real and made-up attribute names.</summary>
    public static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Scalar
        : Gen.Frequency<string>(
            (5, Scalar),
            (2, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Key, inner).Array[0, 5].Select(pairs => "{" + string.Join(",", pairs.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"))));

    private static Gen<string> Scalar => Gen.Frequency<string>(
        (3, JsonString),
        (1, Gen.OneOf("null", "true", "false", "0", "-0", "1.5", "1e308", "-1e308", "12345678901234567890123", "\"False\"", "\"True\"", "\"2026-01-01T00:00:00Z\"")),
        (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))));

    private static Gen<string> Key => Gen.Frequency<string>(
        (4, Gen.OneOf("userName", "name", "givenName", "familyName", "displayName", "active", "emails", "value", "type", "primary",
            "externalId", "members", "groups", "id", "meta", "schemas", "password", "phoneNumbers", "roles", "manager",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", "Operations", "op", "path", "method", "bulkId", "data", "display", "$ref")),
        (1, Text));

    public static readonly Gen<string> Filter = Gen.Recursive<string>((depth, inner) => depth >= 3
        ? Comparison
        : Gen.Frequency<string>(
            (5, Comparison),
            (2, Gen.Select(inner, Gen.OneOf(" and ", " or ", " AND ", " Or ", " "), inner, (a, op, b) => a + op + b)),
            (1, inner.Select(f => "not (" + f + ")")),
            (1, inner.Select(f => "(" + f)),
            (1, Gen.Select(Gen.OneOf(AttributePaths), inner, (path, f) => path + "[" + f + "]")),
            (1, Text)));

    private static Gen<string> Comparison => Gen.Select(Gen.OneOf(AttributePaths), Gen.OneOf(Operators), FilterValue,
        (path, op, value) => op == "pr" ? $"{path} pr" : $"{path} {op} {value}");

    private static Gen<string> FilterValue => Gen.Frequency<string>(
        (4, JsonString),
        (1, Gen.OneOf("true", "false", "null", "1", "-1.5e3", "\"2026-11-29T00:00:00Z\"", "\"unterminated", "bare", "\"\\uZZZZ\"", "\"\\")),
        (1, Text));

    private static Gen<string> QueryNumber => Gen.Frequency<string>(
        (3, Gen.Int[-5, 200].Select(i => i.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.OneOf("", "abc", "1.5", "99999999999999999999", "-2147483649", "2147483647", "0x10", " 1")));

    private static Gen<string> Query => Gen.Select(
        Filter.Select(f => "filter=" + Uri.EscapeDataString(f)).Frequency(3),
        Gen.OneOf(AttributePaths).Select(a => "sortBy=" + Uri.EscapeDataString(a)).Frequency(1),
        Gen.OneOf("ascending", "descending", "up", "").Select(o => "sortOrder=" + o).Frequency(1),
        QueryNumber.Select(n => "startIndex=" + Uri.EscapeDataString(n)).Frequency(1),
        QueryNumber.Select(n => "count=" + Uri.EscapeDataString(n)).Frequency(1),
        Gen.OneOf(AttributePaths).Array[1, 3].Select(a => "attributes=" + Uri.EscapeDataString(string.Join(",", a))).Frequency(1),
        Gen.OneOf(AttributePaths).Array[1, 3].Select(a => "excludedAttributes=" + Uri.EscapeDataString(string.Join(",", a))).Frequency(1),
        Text.Select(t => "cursor=" + Uri.EscapeDataString(t)).Frequency(1),
        (a, b, c, d, e, f, g, h) => string.Join("&", new[] { a, b, c, d, e, f, g, h }.Where(p => p.Length > 0)));

    private static Gen<string> Frequency(this Gen<string> part, int oneIn) => Gen.Int[0, 3].SelectMany(roll => roll < oneIn ? part : Gen.Const(""));

    private static Gen<string> Resource => Gen.OneOf("Users", "Groups");

    private static Gen<string> Target => Gen.Frequency<string>(
        (6, Gen.OneOf("Users/{user}", "Groups/{group}")),
        (1, Gen.Select(Resource, Gen.Guid, (r, id) => $"{r}/{id}")),
        (1, Gen.Select(Resource, Text, (r, t) => $"{r}/{Uri.EscapeDataString(t)}")));

    private static Gen<string> PatchOperation => Gen.Select(
        Gen.OneOf("add", "replace", "remove", "Add", "Replace", "Remove", "copy", "", "ADD"),
        Gen.Frequency<string>((4, Gen.OneOf(AttributePaths)), (1, Filter.Select(f => "emails[" + f + "].value")), (1, Text), (1, Gen.Const((string)null!))),
        Gen.Frequency<string>((4, JsonValue), (1, Gen.Const((string)null!))),
        (op, path, value) => "{" + string.Join(",", new[]
        {
            "\"op\":" + JsonSerializer.Serialize(op),
            path is null ? null : "\"path\":" + JsonSerializer.Serialize(path),
            value is null ? null : "\"value\":" + value,
        }.OfType<string>()) + "}");

    private static Gen<string> PatchBody => Gen.Frequency<string>(
        (6, PatchOperation.Array[0, 4].Select(ops => "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + string.Join(",", ops) + "]}")),
        (1, JsonValue));

    private static Gen<string> ResourceBody => Gen.Frequency<string>(
        (3, Gen.Select(Text, JsonValue, (name, rest) => rest.StartsWith('{') && rest.Length > 2
            ? "{\"userName\":" + JsonSerializer.Serialize(name) + ",\"displayName\":" + JsonSerializer.Serialize(name) + "," + rest[1..]
            : "{\"userName\":" + JsonSerializer.Serialize(name) + ",\"displayName\":" + JsonSerializer.Serialize(name) + "}")),
        (2, JsonValue),
        (1, Gen.OneOf("", "{", "{\"a\":1,\"a\":2}", "[]", "{\"userName\":\"x\" \"y\"}", "\u0000", "{\"members\":[{\"value\":\"{user}\"},{\"value\":\"{user}\"}],\"displayName\":\"dup\"}")));

    private static Gen<string> BulkOperation => Gen.Select(
        Gen.OneOf("POST", "PUT", "PATCH", "DELETE", "GET", "post", ""),
        Gen.Frequency<string>((3, Gen.OneOf("/Users", "/Groups")), (3, Target.Select(t => "/" + t)), (1, Gen.OneOf("/Users/bulkId:a", "/Groups/bulkId:b", "bulkId:", "/Bulk")), (1, Text)),
        // Mostly distinct, so that a request gets past the refusal of a repeated bulkId to the schedule; sometimes the
        // ids the references above name, so that they resolve (and now and then repeat).
        Gen.Frequency<string>((3, Gen.Int[0, 999].Select(i => "op" + i)), (2, Gen.OneOf("a", "b", "c", "", "bulkId:a"))),
        Gen.Frequency<string>((3, ResourceBody), (2, PatchBody), (1, Gen.OneOf("{\"displayName\":\"g\",\"members\":[{\"value\":\"bulkId:a\"},{\"value\":\"bulkId:b\"}]}"))),
        (method, path, bulkId, data) => $"{{\"method\":{JsonSerializer.Serialize(method)},\"path\":{JsonSerializer.Serialize(path)},\"bulkId\":{JsonSerializer.Serialize(bulkId)},\"data\":{data}}}");

    private static Gen<string> BulkBody => Gen.Select(BulkOperation.Array[0, 6], Gen.OneOf("", ",\"failOnErrors\":1", ",\"failOnErrors\":0", ",\"failOnErrors\":\"x\""),
        (ops, fail) => "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"]" + fail + ",\"Operations\":[" + string.Join(",", ops) + "]}");

    private static Gen<(string Name, string Value)[]> Headers => Gen.Select(
        Gen.OneOf("If-Match", "If-None-Match", "Accept", "X-Provisioning-Context", "X-Provisioning-Internal-Key", "X-Forwarded-Host", "X-Forwarded-Proto", "Adscimversion", "User-Agent", "Content-Encoding"),
        Gen.Frequency<string>((3, Gen.OneOf("*", "W/\"1\"", "\"1\"", "W/\"999\"", "application/scim+json", "Okta SCIM Client 1.0.0", "gzip", "https", "evil.example")), (1, Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars)))),
        (name, value) => (name, value)).Array[0, 3];

    private static Gen<string?> ContentType => Gen.Frequency<string?>(
        (8, Gen.Const<string?>("application/scim+json")),
        (1, Gen.OneOf<string?>("application/json", "text/plain", "application/scim+json; charset=latin1", "multipart/form-data; boundary=x", ";;", null)));

    /// <summary>Every kind of input, in proportions that keep each one well represented.</summary>
    public static readonly Gen<FuzzInput> Any = Gen.Select(
        Gen.Frequency<(string, string, string, string?)>(
            (5, Gen.Select(Gen.OneOf("Users", "Groups", "Users/{user}", "Groups/{group}", ""), Query, (r, q) => ("filter", "GET", r + "?" + q, (string?)null))),
            (2, Gen.Select(Gen.OneOf("Users/.search", "Groups/.search", ".search"), Gen.Select(Filter, QueryNumber, (f, n) =>
                $"{{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":{JsonSerializer.Serialize(f)},\"count\":{(int.TryParse(n, out var c) ? c : 1)}}}"),
                (p, b) => ("search", "POST", p, (string?)b))),
            (5, Gen.Select(Gen.OneOf("Users/{user}", "Groups/{group}"), PatchBody, (p, b) => ("patch", "PATCH", p, (string?)b))),
            (3, Gen.Select(Gen.OneOf("Users", "Groups"), ResourceBody, (p, b) => ("create", "POST", p, (string?)b))),
            (2, Gen.Select(Target, ResourceBody, (p, b) => ("replace", "PUT", p, (string?)b))),
            (2, BulkBody.Select(b => ("bulk", "POST", "Bulk", (string?)b))),
            (1, Gen.Select(Gen.OneOf("GET", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"), Gen.Frequency<string>((3, Target), (1, Text.Select(Uri.EscapeDataString)),
                (1, Gen.OneOf("Schemas/urn:x", "ResourceTypes/Nope", "ServiceProviderConfig", "Me", "%2e%2e/%2e%2e/internal/organizations", "Users/%00", "Users//", "Bulk"))),
                (m, p) => ("path", m, p, (string?)null)))),
        ContentType,
        Headers,
        Gen.Int[0, 49],
        (request, contentType, headers, roll) => new FuzzInput(request.Item1, request.Item2, request.Item3,
            request.Item4 is null ? null : contentType, request.Item4, headers, Authorized: roll != 0));
}
