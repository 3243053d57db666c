using System.Text.RegularExpressions;
using Provisioning.Contracts;

namespace Provisioning.PolicyService.Organizations;

public static partial class OrganizationValidation
{
    public static Dictionary<string, string[]> Validate(CreateOrganizationRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Slug is null || !SlugPattern().IsMatch(request.Slug))
        {
            errors["slug"] = ["Use 2 to 64 lower-case letters, digits and dashes, starting with a letter or digit."];
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex SlugPattern();
}
