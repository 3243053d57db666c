namespace Provisioning.Simulator.Okta;

/// <summary>The names Okta's steps carry in the summary and the JSON report.</summary>
public static class OktaSteps
{
    public const string TestCredentials = "okta: test API credentials";
    public const string ImportUsers = "okta: import users";
    public const string ImportGroups = "okta: import groups";
    public const string FindUser = "okta: find user";
    public const string CreateUser = "okta: create user";
    public const string ReadUser = "okta: read user";
    public const string PushProfile = "okta: profile push";
    public const string Deactivate = "okta: deactivate";
    public const string Reactivate = "okta: reactivate";
    public const string Unassign = "okta: unassign";
    public const string PushGroup = "okta: push group";
    public const string AddMembers = "okta: add members";
    public const string RemoveMember = "okta: remove member";
    public const string RenameGroup = "okta: rename group";
    public const string SyncGroupName = "okta: group name after membership";
}
