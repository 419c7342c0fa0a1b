using Microsoft.Playwright;

namespace Coalitions.Portal.Tests;

/// <summary>
/// A real browser (Debian's Chromium, driven by Playwright for .NET) against the portal on a loopback port: sign in,
/// cast a ballot, close the vote, read the explanation. Playwright's own browser download cannot reach the internet
/// here, so the test points it at /usr/bin/chromium; without it the test is skipped with a reason, except under
/// CI=true, where it fails (.ci/run installs the chromium package).
/// </summary>
public sealed class BrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [SkippableFact]
    public async Task A_delegate_signs_in_and_votes_then_the_chair_closes_the_vote_and_the_page_explains_the_outcome()
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true", $"{Chromium} is missing; .ci/run installs Debian's chromium package.");
            Skip.If(true, $"{Chromium} is missing: install Debian's chromium package (sudo apt-get install chromium) to run the browser test.");
        }

        using var factory = new PortalFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        using var client = factory.CreateClient();
        var baseUrl = client.BaseAddress!.ToString().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1200 } });
        page.SetDefaultTimeout(15_000);

        // The Teachers Union's delegate signs in and finds the open vote; eight members have voted, hers is missing.
        await page.GotoAsync($"{baseUrl}/signin");
        await page.GetByLabel("Achieng Otieno", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        Assert.Equal("Achieng Otieno", await page.GetByTestId("signed-in").InnerTextAsync());
        await page.GotoAsync($"{baseUrl}/proposals");
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Statement on the education budget" }).ClickAsync();
        Assert.Contains("majority", await page.GetByTestId("rule").InnerTextAsync(), StringComparison.Ordinal);

        // She supports it with the keyboard-usable form: a labelled radio button and a button.
        await page.GetByLabel("support", new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Cast ballot" }).ClickAsync();
        Assert.Equal("Your ballot is recorded.", await page.GetByRole(AriaRole.Status).InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close the vote" }).CountAsync());
        var proposalUrl = page.Url;

        // The coordinator, a facilitator of the vote, signs in and closes it: every ballot is in.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync($"{baseUrl}/signin");
        await page.GetByLabel("Wanjiru Kamau", new PageGetByLabelOptions { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(proposalUrl);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close the vote" }).ClickAsync();

        Assert.Equal("closed", await page.GetByTestId("status").InnerTextAsync());
        Assert.Equal("adopted", await page.GetByTestId("result").InnerTextAsync());
        var explanation = await page.GetByTestId("explanation").InnerTextAsync();
        Assert.Contains("Adopted", explanation, StringComparison.Ordinal);
        Assert.Contains("9 of 9 members took part", explanation, StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("svg.chart").CountAsync());   // the final tally

        // The screenshot for the README: written to docs/images when COALITIONS_UPDATE_DOCS=1, else beside the test results.
        var screenshot = Environment.GetEnvironmentVariable("COALITIONS_UPDATE_DOCS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "images", "portal-proposal.png")
            : Path.Combine(AppContext.BaseDirectory, "portal-proposal.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Coalitions.Core.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The repository root (Coalitions.Core.sln) was not found.");
    }
}
