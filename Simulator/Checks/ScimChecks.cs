using static Provisioning.Simulator.Checks.Checks;

namespace Provisioning.Simulator.Checks;

/// <summary>The response checks both IdPs make, after Okta's SCIM 2.0 spec test and Entra's SCIM reference.</summary>
public static class ScimChecks
{
    public const string ListResponseSchema = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string UserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string GroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>A page of a list: 200, the ListResponse schema, paging numbers as integers, Resources an array when there are any.</summary>
    public static Check ListResponse => All(
        Status(200), JsonBody, HasSchema(ListResponseSchema),
        Integer("totalResults"), Integer("startIndex"), Integer("itemsPerPage"),
        response => JsonPaths.Integer(response.Body, "totalResults") > 0 && JsonPaths.Find(response.Body, "Resources") is not System.Text.Json.Nodes.JsonArray
            ? "totalResults is above 0 but Resources is not an array"
            : null);

    /// <summary>Okta's "Test Users endpoint": the first user of a non-empty list carries what Okta maps.</summary>
    public static Check ListedUsersAreComplete => response =>
        JsonPaths.Integer(response.Body, "totalResults") is > 0
            ? All(NotEmpty("Resources[0].id"), NotEmpty("Resources[0].userName"), NotEmpty("Resources[0].active"))(response)
            : null;

    /// <summary>The filter before a create: nothing matches (Okta also accepts a 404 error here).</summary>
    public static Check FindsNothing => All(ListResponse, IntegerEquals("totalResults", 0));

    /// <summary>A filter that must find the one resource the IdP holds, with the id the IdP stored.</summary>
    public static Check FindsOne(string id) => All(ListResponse, IntegerEquals("totalResults", 1), Equal("Resources[0].id", id));

    public static Check UserCreated(string userName, string givenName, string familyName) => All(
        Status(201), JsonBody, HasSchema(UserSchema), NotEmpty("id"),
        Equal("userName", userName), Equal("name.givenName", givenName), Equal("name.familyName", familyName),
        BooleanEquals("active", true));

    /// <summary>The user as the IdP holds it: 200 and the id it stored comes back unchanged.</summary>
    public static Check User(string id) => All(Status(200), JsonBody, HasSchema(UserSchema), Equal("id", id), NotEmpty("userName"));

    /// <summary>
    /// After a PATCH both IdPs accept 204; a 200 must show the change. (Okta: "The SCIM server response to
    /// PATCH method requests can also be a HTTP 204 response".)
    /// </summary>
    public static Check Patched(string id, params Check[] then) => response =>
        response.Status == 204 ? null : All([User(id), .. then])(response);

    public static Check GroupCreated(string displayName) => All(
        Status(201), JsonBody, HasSchema(GroupSchema), NotEmpty("id"), Equal("displayName", displayName));

    public static Check Group(string id) => All(Status(200), JsonBody, HasSchema(GroupSchema), Equal("id", id), NotEmpty("displayName"));

    public static Check GroupPatched(string id) => response => response.Status == 204 ? null : Group(id)(response);

    public static Check Deleted => Status(204);
}
