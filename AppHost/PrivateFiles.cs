namespace Provisioning.AppHost;

public static class PrivateFiles
{
    /// <summary>Writes a file that holds secrets, readable by its owner only.</summary>
    public static void Write(string path, string contents)
    {
        File.WriteAllText(path, contents);
        RestrictToOwner(path);
    }

    public static void RestrictToOwner(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
