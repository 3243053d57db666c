namespace Provisioning.Simulator.Entra;

/// <summary>The names Entra's steps carry in the summary and the JSON report.</summary>
public static class EntraSteps
{
    public const string TestConnection = "entra: test connection";
    public const string FindUser = "entra: find user";
    public const string CreateUser = "entra: create user";
    public const string UpdateUser = "entra: update user";
    public const string DisableUser = "entra: disable user";
    public const string EnableUser = "entra: enable user";
    public const string DeleteUser = "entra: delete user";
    public const string FindGroup = "entra: find group";
    public const string CreateGroup = "entra: create group";
    public const string ReadGroup = "entra: read group";
    public const string AddMembers = "entra: add members";
    public const string RemoveMembers = "entra: remove members";
    public const string RenameGroup = "entra: rename group";
}
