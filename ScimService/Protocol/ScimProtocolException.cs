namespace Provisioning.ScimService.Protocol;

/// <summary>SCIM error types of RFC 7644 §3.12 Table 9.</summary>
public static class ScimType
{
    public const string InvalidFilter = "invalidFilter";
    public const string TooMany = "tooMany";
    public const string Uniqueness = "uniqueness";
    public const string Mutability = "mutability";
    public const string InvalidSyntax = "invalidSyntax";
    public const string InvalidPath = "invalidPath";
    public const string NoTarget = "noTarget";
    public const string InvalidValue = "invalidValue";
    public const string InvalidVersion = "invalidVers";
    public const string Sensitive = "sensitive";
}

/// <summary>A client's request breaks the protocol; the endpoint answers it as a SCIM error.</summary>
public sealed class ScimProtocolException(int status, string? scimType, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string? ScimType { get; } = scimType;

    public static ScimProtocolException BadRequest(string scimType, string detail) => new(400, scimType, detail);
}
