using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Tribe.Sso;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Sample;
using Tribe.Sso.Testing;

// A partner website integrated with its Tribe community: "Visit community", the community's Authorization, Sign-up and
// Logout URLs, and a community page embedded in the site. Without TribeSso:CommunityUrl and TribeSso:PrivateKey it hosts
// a simulated community at /community-sim, so every flow can be seen end to end with no community account.
var builder = WebApplication.CreateBuilder(args);
var url = (builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
builder.WebHost.UseUrls(url);

var embedded = string.IsNullOrEmpty(builder.Configuration["TribeSso:CommunityUrl"]) || string.IsNullOrEmpty(builder.Configuration["TribeSso:PrivateKey"]);
TribeCommunitySimulator? community = null;
if (embedded)
{
    // A fresh random key per run, shared by the partner's issuer and the simulated community. The community's JWT SSO
    // settings point at this site's endpoints, as a community admin would fill them in.
    var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    builder.Configuration["TribeSso:CommunityUrl"] = url + "/community-sim";
    builder.Configuration["TribeSso:PrivateKey"] = key;
    community = new TribeCommunitySimulator(TribeSsoKey.FromString(key), new TribeCommunitySimulatorOptions
    {
        BasePath = "/community-sim",
        AuthorizationUrl = new Uri(url + "/community/sso"),
        SignUpUrl = new Uri(url + "/community/sign-up"),
        LogoutUrl = new Uri(url + "/community/logout"),
        SettingsUrl = new Uri(url + ProfileSettings.Path),
    }.WithMembersApi(builder.Configuration, url).WithWebhooks(builder.Configuration, url));
}

// ASP.NET Core's request diagnostics log every request URL at Information ("Request starting ... /community-sim/auth/sso?jwt=eyJ..."),
// and an SSO link carries a token that signs the user in until it expires. Partners copy this sample, so it keeps those
// categories at Warning: no token or link reaches the log.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Warning);

builder.Services.AddSingleton(new SampleMode(embedded));
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/");
builder.Services.AddAuthorization();
builder.Services.AddRazorPages();
builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
builder.AddAdminPages(); // the members client beside the issuer (TribeSso:Members), for /admin/conflicts
builder.AddCommunityWebhooks(); // the community's webhooks (TribeSso:Webhooks), for /admin/community-events

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/", (HttpContext context, string? returnUrl) =>
    PartnerUsers.Find(context.User.FindFirstValue("login")) is { } user
        ? Results.Content(SiteHtml.Profile(user, embedded), "text/html")
        : Results.Content(SiteHtml.SignIn(returnUrl, embedded), "text/html"));

app.MapGet("/register", (string? returnUrl) => Results.Content(SiteHtml.SignIn(returnUrl, embedded, signUp: true), "text/html"));

// Fake sign-in: a real site checks a password here. (A real form also needs antiforgery protection.)
app.MapPost("/login", async (HttpContext context) =>
{
    var form = await context.Request.ReadFormAsync();
    if (PartnerUsers.Find(form["user"]) is not { } user)
    {
        return Results.BadRequest("Unknown user.");
    }

    var identity = new ClaimsIdentity(
        new[] { new Claim("login", user.Login), new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Email, user.Email) },
        CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    var returnUrl = form["returnUrl"].ToString();
    return Results.LocalRedirect(returnUrl.Length > 0 && TribeSsoRedirectPath.FindProblem(returnUrl) is null ? returnUrl : "/");
});

app.MapGet("/logout", async (HttpContext context) =>
{
    await context.SignOutAsync();
    return Results.LocalRedirect("/");
});

// The integration. The community's JWT SSO app is set up with these three addresses:
//   Authorization URL  <site>/community/sso      (also this site's "Visit community" link and the embeds' target)
//   Sign-up URL        <site>/community/sign-up  (the same, through the sign-up page)
//   Logout URL         <site>/community/logout
// and its app's webhook URL is <site>/community/webhooks.
Func<ClaimsPrincipal, TribeSsoUser> toTribeUser = principal => PartnerUsers.ToTribeUser(PartnerUsers.Find(principal.FindFirstValue("login"))!);
app.MapTribeSso("/community/sso", toTribeUser);
app.MapTribeSso("/community/sign-up", toTribeUser).WithSignUpPage("/register");
app.MapTribeSsoLogout("/community/logout");
app.MapProfileSettings(); // the Settings URL: <site>/account/profile
app.MapRazorPages(); // /embedded: <tribe-sso-embed> in Pages/Embedded.cshtml
app.MapAdminPages(community); // /admin/conflicts: fix a conflict through the community's API (AdminPages.cs)
app.MapCommunityWebhooks(); // /community/webhooks and /admin/community-events: what the community told us (CommunityWebhooks.cs)

if (community is not null)
{
    // The simulated community, served in-process: every request under /community-sim goes to the simulator as it arrived.
    app.Map("/community-sim/{**rest}", (HttpContext context) => SimulatorForwarding.ServeAsync(community, context));
}

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    $"Tribe.Sso sample running at {url}/ " + (embedded ? $"(simulated community at {url}/community-sim)" : "(real community: " + app.Configuration["TribeSso:CommunityUrl"] + ")")));
app.Run();

/// <summary>Whether the sample hosts its own simulated community.</summary>
internal sealed record SampleMode(bool Embedded);
