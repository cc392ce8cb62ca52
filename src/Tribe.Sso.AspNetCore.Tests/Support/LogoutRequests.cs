using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Requests to the Logout URL with the headers browsers send, and the confirmation page's form read back.</summary>
internal static class LogoutRequests
{
    /// <summary>What Chromium sends for <c>&lt;img src="…/community/logout"&gt;</c> on a page of another site.</summary>
    public static readonly (string Name, string Value)[] CrossSiteImage =
    [
        ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Dest", "image"), ("Referer", "https://evil.example/"),
    ];

    /// <summary>What Chromium sends when the community's Log out sends the browser here (strict-origin-when-cross-origin).</summary>
    public static readonly (string Name, string Value)[] CommunityNavigation =
    [
        ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "document"), ("Referer", "https://community.example.com/"),
    ];

    public static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    /// <summary>The confirmation page's form: where it posts and the hidden antiforgery field.</summary>
    public static (string Action, string Field, string Token) ReadForm(string page)
    {
        var action = Regex.Match(page, "<form method=\"post\" action=\"([^\"]*)\">");
        var input = Regex.Match(page, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        if (!action.Success || !input.Success)
        {
            throw new InvalidOperationException("No confirmation form in: " + page);
        }

        return (WebUtility.HtmlDecode(action.Groups[1].Value), WebUtility.HtmlDecode(input.Groups[1].Value), WebUtility.HtmlDecode(input.Groups[2].Value));
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string action, string field, string token)
        => client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { [field] = token }));

    /// <summary>Whether the client's session still signs in through the Authorization URL (it goes to the community, not to the login page).</summary>
    public static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/community/sso");
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("https://community.example.com", StringComparison.Ordinal);
    }
}
