using Coalitions.Core.Storage;
using Coalitions.Portal.Api;
using Coalitions.Portal.Hosting;
using Coalitions.Portal.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NodaTime;

// The sample portal: the Learning for All coalition in a browser and over HTTP, on SQLite (or PostgreSQL when a
// connection string named "Coalitions" is configured). See docs/portal.md for the three seams: identity, storage, scheduler.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    // Loopback only, on a free port; the address is printed once the server listens.
    builder.WebHost.UseUrls("http://127.0.0.1:0");
}

var services = builder.Services;
services.AddSingleton<IClock>(SystemClock.Instance);
services.AddSingleton(_ => PortalStorage.OpenAsync(builder.Configuration, builder.Environment.ContentRootPath).GetAwaiter().GetResult());
services.AddSingleton(sp => sp.GetRequiredService<OpenedStore>().Store);
services.AddSingleton(sp => new AggregateStore(sp.GetRequiredService<IEventStore>(), sp.GetRequiredService<IClock>()));
services.AddSingleton<Catalog>();
services.AddSingleton<AggregateCache>();
services.AddSingleton<PortalContext>();
services.AddSingleton<IActorResolver, ClaimsActorResolver>();
services.Configure<SchedulerOptions>(builder.Configuration.GetSection("Portal:Scheduler"));
services.AddSingleton<SchedulerService>();
services.AddHostedService(sp => sp.GetRequiredService<SchedulerService>());
services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
{
    options.Cookie.Name = "coalitions-portal";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.LoginPath = "/signin";
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    // The API answers 401/403 as problem details instead of redirecting to the sign-in page.
    options.Events.OnRedirectToLogin = context => Redirect(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized);
    options.Events.OnRedirectToAccessDenied = context => Redirect(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden);
});
services.AddAuthorization();
services.AddRazorPages();
services.AddProblemDetails();
services.AddExceptionHandler<RefusalHandler>();
services.AddOpenApi();
// Stances, statuses and methods travel as their names ("Support"), in requests and in the OpenAPI document.
services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
var storage = app.Services.GetRequiredService<OpenedStore>();
if (await PortalStorage.SeedIfEmptyAsync(app.Services.GetRequiredService<AggregateStore>(), app.Services.GetRequiredService<IClock>()))
{
    Console.WriteLine($"Seeded the Learning for All coalition into the {storage.Description}.");
}

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapPortalApi();
if (app.Configuration.GetValue("Portal:DevelopmentSignIn", true))
{
    app.MapDevelopmentSignIn();
}

app.MapRazorPages();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses)
    {
        Console.WriteLine($"Coalitions portal: {address}  (store: {storage.Description}; OpenAPI: {address}/openapi/v1.json)");
    }
});
app.Lifetime.ApplicationStopped.Register(() => (storage.Store as IDisposable)?.Dispose());
await app.RunAsync();

static Task Redirect(HttpContext http, string uri, int status)
{
    if (http.Request.Path.StartsWithSegments("/api", StringComparison.Ordinal))
    {
        http.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    http.Response.Redirect(uri);
    return Task.CompletedTask;
}

/// <summary>The portal's entry point; public so that the tests can start it in process.</summary>
public partial class Program;
