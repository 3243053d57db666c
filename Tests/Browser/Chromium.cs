using Microsoft.Playwright;

namespace Provisioning.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, launched on first use and shared by the run.
/// Playwright's own browser builds are never downloaded: the machine's /usr/bin/chromium is used
/// (scripts/prerequisites.sh --browser installs it).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A fresh browser context (its own cookies) for one test.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl)
    {
        var browser = await LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            TimezoneId = "Europe/Berlin",
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    private async Task<IBrowser> LaunchAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run scripts/prerequisites.sh --browser.");
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args =
                    [
                        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    ],
                });
            }
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
