using Microsoft.Playwright;

namespace Provisioning.Tests.Browser;

/// <summary>Full-page screenshots of the main pages, kept as test artifacts in TestResults/screenshots/ (git-ignored).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Provisioning.sln")))
            {
                return folder.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
