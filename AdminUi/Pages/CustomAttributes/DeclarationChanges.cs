using Provisioning.Contracts;

namespace Provisioning.AdminUi.Pages.CustomAttributes;

/// <summary>What saving new declarations does to values already stored, in words the page shows before saving.</summary>
public static class DeclarationChanges
{
    public static List<string> Describe(CustomAttributesDto before, CustomAttributesDto after)
    {
        var effects = new List<string>();
        var old = before.Attributes.ToDictionary(Key);
        foreach (var declaration in after.Attributes)
        {
            if (!old.Remove(Key(declaration), out var was))
            {
                effects.Add($"Declaring {Path(declaration)}: values are kept from the identity provider's next create or update of each {declaration.ResourceType.ToLowerInvariant()}; values it sent before were not kept.");
                continue;
            }
            if (was.Type != declaration.Type)
            {
                effects.Add($"Changing {Path(declaration)} from {was.Type} to {declaration.Type}: stored values that are not of the new type are no longer returned, filtered or shown, and the next write of each resource drops them.");
            }
            if (was.MultiValued && !declaration.MultiValued)
            {
                effects.Add($"Making {Path(declaration)} single-valued: stored lists are no longer returned and the next write drops them.");
            }
            if (!was.MultiValued && declaration.MultiValued)
            {
                effects.Add($"Making {Path(declaration)} multi-valued: stored single values are returned as one-value lists.");
            }
            if (was.CaseExact != declaration.CaseExact)
            {
                effects.Add($"Filters on {Path(declaration)} will compare case-{(declaration.CaseExact ? "sensitively" : "insensitively")}; stored values do not change.");
            }
        }
        foreach (var removed in old.Values)
        {
            effects.Add($"Removing {Path(removed)}: stored values are no longer returned, filtered or shown, and the next write of each resource drops them. Declaring it again before then brings them back.");
        }
        if (before.Undeclared != after.Undeclared)
        {
            effects.Add(after.Undeclared == UndeclaredAttributePolicy.Refuse
                ? "Refusing undeclared attributes: a create or update that carries one answers 400 and changes nothing, so the identity provider reports an error until the attribute is declared here or unmapped there."
                : "Ignoring undeclared attributes: they are accepted and not kept, and the provisioning log warns each time.");
        }
        return effects;
    }

    public static string Path(CustomAttributeDto declaration) =>
        CustomAttributeRules.CoreSchemas.Values.Contains(declaration.SchemaUrn, StringComparer.OrdinalIgnoreCase)
            ? $"{declaration.ResourceType} {declaration.Name}"
            : $"{declaration.ResourceType} {declaration.SchemaUrn}:{declaration.Name}";

    private static (string, string, string) Key(CustomAttributeDto d) =>
        (d.ResourceType.ToLowerInvariant(), d.SchemaUrn.ToLowerInvariant(), d.Name.ToLowerInvariant());
}
