using Provisioning.Contracts;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>Declaring custom attributes for a tenant's connection, as the Admin UI's page does.</summary>
public static class CustomAttributeRequests
{
    public const string CustomExtension = "urn:ietf:params:scim:schemas:extension:CustomExtension:2.0:User";

    public static async Task<CustomAttributesDto> DeclareAsync(this ProvisioningApp app, Tenant tenant,
        UndeclaredAttributePolicy undeclared, params CustomAttributeDto[] attributes)
    {
        using var client = app.CreatePolicyClient();
        return await Tenants.ReadAsync<CustomAttributesDto>(await client.PutAsJsonAsync(
            $"/internal/connections/{tenant.Connection.Id}/custom-attributes", new CustomAttributesDto(attributes, undeclared)));
    }

    public static Task<CustomAttributesDto> DeclareAsync(this ProvisioningApp app, Tenant tenant, params CustomAttributeDto[] attributes) =>
        app.DeclareAsync(tenant, UndeclaredAttributePolicy.Ignore, attributes);

    public static CustomAttributeDto Core(string name, CustomAttributeType type = CustomAttributeType.String, bool multiValued = false) =>
        new("User", CustomAttributeRules.CoreUserSchema, name, type, multiValued);

    public static CustomAttributeDto Extension(string name, CustomAttributeType type = CustomAttributeType.String, bool multiValued = false) =>
        new("User", CustomExtension, name, type, multiValued);
}
