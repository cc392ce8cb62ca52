using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Tribe.Sso;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Sample;
using Tribe.Sso.Testing;

// A partner website with a "Visit community" button. Without TribeSso:CommunityUrl and TribeSso:PrivateKey it embeds a
// simulated community at /community-sim, so SSO can be seen end to end with no community account.
var builder = WebApplication.CreateBuilder(args);
var url = (builder.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
builder.WebHost.UseUrls(url);

var embedded = string.IsNullOrEmpty(builder.Configuration["TribeSso:CommunityUrl"]) || string.IsNullOrEmpty(builder.Configuration["TribeSso:PrivateKey"]);
InMemoryTribeCommunity? community = null;
if (embedded)
{
    // A fresh random key per run, shared by the partner's issuer and the simulated community.
    var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    builder.Configuration["TribeSso:CommunityUrl"] = url + "/community-sim";
    builder.Configuration["TribeSso:PrivateKey"] = key;
    community = new InMemoryTribeCommunity(TribeSsoKey.FromString(key));
}

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/");
builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));

var app = builder.Build();
app.UseAuthentication();

app.MapGet("/", (HttpContext context, string? returnUrl) =>
    PartnerUsers.Find(context.User.FindFirstValue("login")) is { } user
        ? Results.Content(Pages.Profile(user, embedded), "text/html")
        : Results.Content(Pages.SignIn(returnUrl, embedded), "text/html"));

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
    return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : returnUrl);
});

app.MapGet("/logout", async (HttpContext context) =>
{
    await context.SignOutAsync();
    return Results.LocalRedirect("/");
});

// The whole integration: one endpoint that sends the signed-in user to the community.
app.MapTribeSso("/community/sso", principal => PartnerUsers.ToTribeUser(PartnerUsers.Find(principal.FindFirstValue("login"))!));

if (community is not null)
{
    // The simulated community's SSO endpoint: it applies Tribe's rules and shows what it did.
    app.MapGet("/community-sim/auth/sso", (HttpContext context) =>
    {
        var link = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
        var result = community.SignIn(link);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(Pages.CommunityResult(result, community), "text/html");
    });
}

app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine(
    $"Tribe.Sso sample running at {url}/ " + (embedded ? $"(simulated community at {url}/community-sim)" : "(real community: " + app.Configuration["TribeSso:CommunityUrl"] + ")")));
app.Run();
