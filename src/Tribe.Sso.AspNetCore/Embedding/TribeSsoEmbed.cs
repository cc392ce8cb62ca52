using System;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Embeds a community page, signed in, in one call (for minimal APIs and any view engine; Razor has
/// <see cref="TribeSsoEmbedTagHelper"/>). The iframe loads this app's <c>MapTribeSso</c> endpoint with the page as its
/// target, so the token is minted when the iframe loads and never written into the page's HTML.
/// </summary>
/// <example>
/// <code>
/// app.MapGet("/embedded", (HttpContext context) => Results.Content(
///     $"&lt;h1&gt;What's new&lt;/h1&gt;{TribeSsoEmbed.Iframe(context, TribeEmbed.Space("whats-new").WithComposer(true))}", "text/html"))
///     .RequireAuthorization();
/// </code>
/// </example>
public static class TribeSsoEmbed
{
    /// <summary>Renders the iframe of an embedded community page; every value is HTML-encoded.</summary>
    /// <param name="context">The current request (for the app's path base and endpoints).</param>
    /// <param name="page">The embedded page, such as <c>TribeEmbed.Space("whats-new")</c> or <c>TribeEmbed.FromPath("/embed/…")</c>.</param>
    /// <param name="options">Title, size, class and SSO endpoint; defaults when null.</param>
    /// <returns>
    /// The markup, such as <c>&lt;iframe src="/community/sso?redirect=/embed/space/whats-new" title="Community" …&gt;&lt;/iframe&gt;</c>.
    /// An <see cref="HtmlString"/>: Razor writes it as it is, and its <c>ToString()</c> is the markup, for string templates.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The SSO endpoint named in the options is not a path of this app.</exception>
    /// <exception cref="InvalidOperationException">No SSO endpoint is named and the app maps none, or several.</exception>
    public static HtmlString Iframe(HttpContext context, TribeEmbed page, TribeSsoEmbedOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        options ??= new TribeSsoEmbedOptions();
        var html = new StringBuilder("<iframe");
        Attribute(html, "src", EmbedFrame.Source(context, page.Path, options.SsoEndpoint));
        Attribute(html, "title", options.Title);
        Attribute(html, "width", options.Width);
        Attribute(html, "height", options.Height);
        Attribute(html, "class", options.CssClass);
        return new HtmlString(html.Append("></iframe>").ToString());
    }

    /// <summary>The <c>src</c> of the iframe alone, for markup you write yourself (HTML-encode it there).</summary>
    /// <param name="context">The current request.</param>
    /// <param name="page">The embedded page.</param>
    /// <param name="ssoEndpoint">The app's <c>MapTribeSso</c> path; found when null.</param>
    /// <returns>A relative URL such as <c>/community/sso?redirect=/embed/space/whats-new%3Fheader%3Dtrue</c>; it holds no token.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="ssoEndpoint"/> is not a path of this app.</exception>
    /// <exception cref="InvalidOperationException">No SSO endpoint is named and the app maps none, or several.</exception>
    public static string FrameSource(HttpContext context, TribeEmbed page, string? ssoEndpoint = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        return EmbedFrame.Source(context, page.Path, ssoEndpoint);
    }

    private static void Attribute(StringBuilder html, string name, string? value)
    {
        if (value is not null)
        {
            html.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        }
    }
}
