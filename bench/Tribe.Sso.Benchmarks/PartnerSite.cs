using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// The partner site both endpoint benchmarks use: the SSO endpoint of the default community and of "acme", and a bare
/// endpoint that answers the same kind of 302 without any SSO work. Logging is off, as on a production server whose
/// level is Warning.
/// </summary>
public static class PartnerSite
{
    public const string BareRedirectTarget = "https://community.example.com/auth/sso?jwt=x";

    /// <summary>The signed-in user every request carries (the cookie's work is the same for both endpoints, so it is left out).</summary>
    public static ClaimsPrincipal Jane { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Name, "Jane Doe"), new Claim(ClaimTypes.Email, "jane@example.com")], "bench"));

    public static WebApplication Build(bool kestrel)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (kestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TribeSso:CommunityUrl"] = "https://community.example.com",
            ["TribeSso:PrivateKey"] = Scenario.Key,
            ["Communities:acme:CommunityUrl"] = "https://acme.example.com",
            ["Communities:acme:PrivateKey"] = Scenario.Key,
        });
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));

        var app = builder.Build();
        app.Use((context, next) =>
        {
            context.User = Jane;
            return next(context);
        });
        app.MapGet("/bare", context =>
        {
            context.Response.Redirect(BareRedirectTarget);
            return Task.CompletedTask;
        });
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        return app;
    }
}
