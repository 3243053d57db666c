using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.ProvisioningLog;

namespace Provisioning.ScimService.Realms.Engine;

public sealed partial class ProvisioningRun
{
    private string? _customAttributes;

    /// <summary>
    /// What custom attributes the request carried: kept with the request's own log entry ("what the IdP
    /// sent"), and one warning per attribute that was not kept, so the admin sees it each time and can declare it.
    /// The entries are saved with the request's change.
    /// </summary>
    public void CustomAttributesSent(string operation, Guid? userId, Guid? groupId, JsonArray? report, IReadOnlyList<UndeclaredAttribute> notKept)
    {
        foreach (var attribute in notKept)
        {
            // Each warning carries its own attribute, which the Overview counts.
            _customAttributes = CustomAttributeReport.Of([], ConnectionSchema.Standard.User, [attribute])!.ToJsonString();
            Log(new Step(operation, userId, groupId, null), LogActions.AttributeNotKept,
                $"{IdentityProviderName} sent {attribute.Path}, which is not declared for the {settings.Realm.DisplayName()} realm; it was not kept.",
                LogOutcomes.Warning);
        }
        _customAttributes = report?.ToJsonString();
    }

    private string IdentityProviderName => identityProvider switch
    {
        "okta" => "Okta",
        "entra" => "Entra",
        _ => "The identity provider",
    };
}
