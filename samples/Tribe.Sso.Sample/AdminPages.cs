using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Sample;

/// <summary>
/// The partner's admin page for the community's members: it lists the sign-ins the community refused with a conflict
/// (the member with the user's email holds another externalId) and fixes one with <see cref="TribeMembersClient.ResolveConflictAsync"/>,
/// through the members client registered beside the issuer. With the simulated community, its API app is set up here.
/// </summary>
internal static class AdminPages
{
    private const string NetworkId = "SampleNetwork";
    private const string ClientId = "sample-admin-app";

    /// <summary>
    /// Installs an API app on the simulated community and points the default community's members client at it
    /// (<c>TribeSso:Members:*</c>), with a fresh random client secret per run, as the SSO key is.
    /// </summary>
    public static TribeCommunitySimulatorOptions WithMembersApi(this TribeCommunitySimulatorOptions options, IConfiguration configuration, string siteUrl)
    {
        // A secret given in the environment (the sample's own tests, which call the API as an admin script would) is kept.
        var secret = configuration["TribeSso:Members:ClientSecret"] is { Length: > 0 } given ? given : Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        configuration["TribeSso:Members:ApiUrl"] = siteUrl + "/community-sim/api/gateway";
        configuration["TribeSso:Members:NetworkId"] = NetworkId;
        configuration["TribeSso:Members:ClientId"] = ClientId;
        configuration["TribeSso:Members:ClientSecret"] = secret;
        options.NetworkId = NetworkId;
        options.ApiClientId = ClientId;
        options.ApiClientSecret = TribeApiClientSecret.FromString(secret);
        return options;
    }

    /// <summary>Registers the members client when the community's section has a <c>Members</c> section (always with the simulated community).</summary>
    public static void AddAdminPages(this WebApplicationBuilder builder)
    {
        var community = builder.Configuration.GetSection("TribeSso");
        if (community.GetSection(TribeSsoMembersServiceCollectionExtensions.SectionName).Exists())
        {
            builder.Services.AddTribeSsoMembers(community);
        }

        builder.Services.AddAntiforgery();
    }

    /// <summary>
    /// Maps <c>GET /admin/conflicts</c> and <c>POST /admin/conflicts/fix</c> for signed-in users. A real site lets only
    /// its admins in; the list comes from the simulated community's sign-ins, a real community's from your own records
    /// of the 409 answers (or a bulk <c>tribe-sso members relink --csv</c>).
    /// </summary>
    public static void MapAdminPages(this WebApplication app, TribeCommunitySimulator? community)
    {
        app.MapGet("/admin/conflicts", (HttpContext context, IAntiforgery antiforgery) =>
            Results.Content(Page(context, antiforgery, community, result: null), "text/html")).RequireAuthorization();

        app.MapPost("/admin/conflicts/fix", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The form has expired or did not come from this site: reload the page and try again.");
            }

            var members = context.RequestServices.GetService<TribeMembersClient>();
            var form = await context.Request.ReadFormAsync();
            if (members is null || PartnerUsers.All.FirstOrDefault(u => u.Id == form["userId"]) is not { } user)
            {
                return Results.BadRequest("Unknown user, or no members client is configured (TribeSso:Members).");
            }

            string result;
            try
            {
                var fix = await members.ResolveConflictAsync(PartnerUsers.ToTribeUser(user), context.RequestAborted);
                result = $"{fix.Outcome}: {fix.Reason}" + (fix.PreviousExternalId is null ? string.Empty : $" (member {fix.MemberId} was linked to {fix.PreviousExternalId})");
            }
            catch (TribeMembersException e)
            {
                // The client's messages never show the secret, a token or an email, so the page may show them.
                result = "Failed: " + e.Message;
            }

            return Results.Content(Page(context, antiforgery, community, (user.Id, result)), "text/html");
        }).RequireAuthorization();
    }

    private static string Page(HttpContext context, IAntiforgery antiforgery, TribeCommunitySimulator? community, (string UserId, string Text)? result)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var conflicts = community is null ? [] : OpenConflicts(community);
        var rows = string.Concat(conflicts.Select(c => $"""
            <tr id="conflict-{SiteHtml.E(c.Id)}"><td>{SiteHtml.E(c.Id)}</td><td>{SiteHtml.E(c.Name)}</td><td>{SiteHtml.E(c.Reason)}</td>
              <td><form method="post" action="/admin/conflicts/fix">
                <input type="hidden" name="{SiteHtml.E(tokens.FormFieldName)}" value="{SiteHtml.E(tokens.RequestToken)}">
                <input type="hidden" name="userId" value="{SiteHtml.E(c.Id)}">
                <button type="submit" id="fix-{SiteHtml.E(c.Id)}">Fix</button></form></td></tr>
            """));
        return SiteHtml.Layout("Community conflicts", $"""
            {(result is { } r ? $"<p id=\"fix-result\" data-user=\"{SiteHtml.E(r.UserId)}\">{SiteHtml.E(r.Text)}</p>" : string.Empty)}
            <p>Sign-ins the community refused because the member with the user's email holds another externalId. Fix relinks that member to the user.</p>
            {(conflicts.Count == 0 ? "<p id=\"no-conflicts\">No open conflicts.</p>" : $"<table id=\"conflicts\"><tr><th>User id</th><th>Name</th><th>Why</th><th></th></tr>{rows}</table>")}
            <p><a href="/">Back to your profile</a></p>
            """);
    }

    /// <summary>Each user whose latest sign-in attempt was a conflict and whom no member is linked to yet (a fixed one drops out).</summary>
    private static List<(string Id, string? Name, string? Reason)> OpenConflicts(TribeCommunitySimulator community)
        => community.SignIns
            .Where(s => s.ReadResult.Claims?.Subject is not null)
            .GroupBy(s => s.ReadResult.Claims!.Subject!)
            .Select(g => g.Last())
            .Where(s => s.Outcome == TribeSsoSignInOutcome.Conflict && community.Community.FindByExternalId(s.ReadResult.Claims!.Subject!) is null)
            .Select(s => (s.ReadResult.Claims!.Subject!, s.ReadResult.Claims.Name, s.ConflictReason))
            .ToList();
}
