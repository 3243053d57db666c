namespace Provisioning.AppHost;

public static class DataFolder
{
    /// <summary>
    /// Where local data lives: <c>Infrastructure:DataDirectory</c>, else <c>.dev/</c> at the
    /// repository root (git-ignored): secrets, the local servers' data, credentials.json.
    /// </summary>
    public static string Resolve(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Infrastructure:DataDirectory"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(builder.AppHostDirectory))!, ".dev")
            : configured;
        Directory.CreateDirectory(path);
        return Path.GetFullPath(path);
    }
}
