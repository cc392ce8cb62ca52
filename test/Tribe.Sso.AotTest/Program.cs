using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tribe.Sso;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.StackExchangeRedis;
using Tribe.Sso.AotTest;

// A partner site as small as it gets, published as Native AOT: a fake sign-in, the community's Authorization and
// Logout URLs, and a page with an embedded community. With "smoke" it starts on a free port, walks a user through it
// against the simulated community and exits 0 when every step gave the expected answer.
var smoke = args.Length > 0 && args[0] == "smoke";
var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls(smoke ? "http://127.0.0.1:0" : "http://127.0.0.1:5085");
builder.Logging.SetMinimumLevel(smoke ? LogLevel.Warning : LogLevel.Information);
builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
builder.Services.AddAuthorization();
builder.Services.AddTribeSso(options =>
{
    options.CommunityUrl = SmokeRun.CommunityUrl;
    options.PrivateKey = secret;
});
builder.Configuration["TribeSso:Webhooks:SigningSecret"] = WebhooksSmoke.Secret;
builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<WebhooksSmoke.MemberSync>();
builder.Configuration["Communities:redis:Webhooks:SigningSecret"] = WebhooksSmoke.Secret;
builder.Configuration["Communities:redis:Webhooks:Redis"] = WebhooksSmoke.UnreachableRedis;
builder.Services.AddTribeSsoWebhooks("redis", builder.Configuration.GetSection("Communities:redis")).AddHandler<WebhooksSmoke.MemberSync>().UseRedisDeliveryLog();
builder.Services.AddHealthChecks().AddTribeSsoRedisDeliveryLog();

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

// Fake sign-in: whoever calls /login is Jane.
app.MapGet("/login", async (HttpContext context) =>
{
    var identity = new ClaimsIdentity(
        new[] { new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Name, "Jane Doe"), new Claim(ClaimTypes.Email, "jane@example.com") },
        CookieAuthenticationDefaults.AuthenticationScheme);
    await context.SignInAsync(new ClaimsPrincipal(identity));
    return Results.Text("signed in");
});

app.MapTribeSso("/community/sso");
app.MapTribeSsoLink("/community/sso-link");
app.MapTribeSsoLogout("/community/logout");
app.MapTribeSsoWebhooks(WebhooksSmoke.Path);
app.MapTribeSsoWebhooks(WebhooksSmoke.RedisPath).ForCommunity("redis");
app.MapGet("/embedded", (HttpContext context) =>
    Results.Content("<!doctype html><title>Embedded</title>" + TribeSsoEmbed.Iframe(context, TribeEmbed.Space("whats-new").WithHeader(false)), "text/html"));

if (!smoke)
{
    await app.RunAsync();
    return 0;
}

await app.StartAsync();
try
{
    return await SmokeRun.RunAsync(app, TribeSsoKey.FromString(secret));
}
finally
{
    await app.StopAsync();
}
