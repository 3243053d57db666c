using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// Applies a SCIM PATCH (RFC 7644 §3.5.2) to a resource in storage form, all or nothing: the operations
/// change a clone, and any failure throws before the caller sees a result. The result passes the same
/// checks as a PUT body, so a PATCH cannot store a resource a PUT would have refused.
/// </summary>
public static class PatchEngine
{
    /// <param name="storedAttributes">The storage form kept for the resource; for a group, without members.</param>
    public static PatchResult Apply(JsonObject patchRequest, JsonObject storedAttributes, ResourceTypeDefinition type)
    {
        var operations = PatchRequestReader.Read(patchRequest);
        // What the current declarations no longer show is not patched either; the write drops it.
        var visible = StoredAttributes.Visible(storedAttributes, type);
        var document = new PatchDocument(visible.DeepClone().AsObject(), type);
        foreach (var operation in operations)
        {
            try
            {
                Apply(document, operation);
            }
            catch (ScimProtocolException error)
            {
                throw new ScimProtocolException(error.Status, error.ScimType, $"{operation.Describe()}: {error.Message}");
            }
        }
        NormalizedResource result;
        try
        {
            result = ResourceNormalizer.Normalize(document.Attributes, type);
            ImmutableAttributes.Check(visible, result.Attributes, type);
        }
        catch (ScimProtocolException error)
        {
            throw new ScimProtocolException(error.Status, error.ScimType, $"After the PATCH: {error.Message}");
        }
        // A password is validated but never stored (docs/scim.md), so on its own it changes nothing.
        var changed = !JsonNode.DeepEquals(visible, result.Attributes);
        return new PatchResult(result.Attributes, document.Password, document.MembershipChanges, changed) { NotKept = document.Undeclared.NotKept };
    }

    /// <summary>A path whose attribute the connection does not have: <c>costCenter</c>, <c>urn:…:CustomExtension:2.0:User:costCenter</c>
    /// or the whole extension <c>urn:…:CustomExtension:2.0:User</c>. Malformed paths are left to <see cref="PatchTarget"/> to refuse.</summary>
    private static bool IsUndeclared(ResourceTypeDefinition type, string path)
    {
        if (type.FindSchema(path) is not null)
        {
            return false;
        }
        try
        {
            return AttributeResolver.IsUndeclared(type, FilterParser.ParsePatchPath(path).Attribute);
        }
        catch (ScimProtocolException)
        {
            return false;
        }
    }

    private static void Apply(PatchDocument document, PatchOperation operation)
    {
        if (operation.Path is null)
        {
            if (operation.Kind == PatchOperationKind.Remove)
            {
                throw ScimProtocolException.BadRequest(ScimType.NoTarget, "remove needs a 'path' naming what to remove.");
            }
            NoPathOperations.Apply(document, operation.Kind, operation.Value);
        }
        else if (document.Type.Undeclared == UndeclaredAttributePolicy.Ignore && IsUndeclared(document.Type, operation.Path))
        {
            // Removing what was never kept changes nothing; a value sent is reported. (Refused, the path is invalidPath below.)
            if (operation.Kind != PatchOperationKind.Remove)
            {
                document.Undeclared.Found(operation.Path, operation.Value, ScimType.InvalidPath);
            }
        }
        else if (document.Type.FindSchema(operation.Path) is { } extension && extension != document.Type.Schema)
        {
            // The path is a whole extension, urn:…:enterprise:2.0:User.
            if (operation.Kind == PatchOperationKind.Remove)
            {
                document.Attributes.Remove(extension.Id);
            }
            else
            {
                NoPathOperations.Apply(document, operation.Kind, new JsonObject { [extension.Id] = operation.Value?.DeepClone() });
            }
        }
        else
        {
            document.Apply(operation.Kind, PatchTarget.Resolve(document.Type, operation.Path), operation.Value);
        }
    }
}
