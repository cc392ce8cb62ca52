namespace Tribe.Sso.AspNetCore;

/// <summary>How <see cref="TribeSsoEmbed"/> renders the iframe of an embedded community page.</summary>
public sealed class TribeSsoEmbedOptions
{
    /// <summary>The iframe's default accessible title: <c>Community</c>.</summary>
    public const string DefaultTitle = "Community";

    /// <summary>
    /// Gets or sets the path of this app's <c>MapTribeSso</c> endpoint that the iframe loads, such as
    /// <c>/community/sso</c>. Null (the default) finds it: the one <c>MapTribeSso</c> endpoint of the default community
    /// without a sign-up page or route parameters (a named community's when the app has no other). Name it when the app
    /// maps several, or to embed a named community.
    /// </summary>
    public string? SsoEndpoint { get; set; }

    /// <summary>Gets or sets the iframe's <c>title</c>, read by screen readers. Default <c>Community</c>.</summary>
    public string Title { get; set; } = DefaultTitle;

    /// <summary>Gets or sets the iframe's <c>width</c> attribute. Default <c>100%</c>; null leaves it out.</summary>
    public string? Width { get; set; } = "100%";

    /// <summary>Gets or sets the iframe's <c>height</c> attribute. Default <c>600</c>; null leaves it out.</summary>
    public string? Height { get; set; } = "600";

    /// <summary>Gets or sets the iframe's <c>class</c> attribute. Default none.</summary>
    public string? CssClass { get; set; }
}
