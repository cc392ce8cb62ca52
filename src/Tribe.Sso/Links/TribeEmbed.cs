using System;

namespace Tribe.Sso;

/// <summary>
/// A community page made to be shown in an iframe or WebView: the whole community, a space by its slug, or a post by
/// its id, with Tribe's embed options. Its <see cref="Path"/> is the redirect target of an SSO link, so the member
/// arrives in the embedded page signed in. Immutable: each <c>With…</c> method returns a new value.
/// </summary>
/// <remarks>
/// The space shape and its four options follow Tribe's embedding guide
/// (<c>/embed/space/whats-new?readonly=false&amp;header=true&amp;composer=true&amp;about=true</c>); compare the other
/// shapes with the address your community's embed dialog shows, and use <see cref="TribeSsoRedirectPath"/> directly for
/// any other page. An option that is not set is left out, so the community applies its own default.
/// </remarks>
/// <example>
/// <code>
/// string target = TribeEmbed.Space("whats-new").WithReadOnly(false).WithComposer(true).Path;
/// // "/embed/space/whats-new?readonly=false&amp;composer=true"
/// </code>
/// </example>
public sealed class TribeEmbed
{
    private const int MaxIdLength = 255;

    private readonly string _page;
    private readonly bool? _readOnly;
    private readonly bool? _header;
    private readonly bool? _composer;
    private readonly bool? _about;

    private TribeEmbed(string page, bool? readOnly, bool? header, bool? composer, bool? about)
    {
        _page = page;
        _readOnly = readOnly;
        _header = header;
        _composer = composer;
        _about = about;
        Path = Compose();
    }

    /// <summary>Gets the community-relative path of the embedded page, such as <c>/embed/space/whats-new?header=true</c>.</summary>
    public string Path { get; }

    /// <summary>The whole community: <c>/embed</c>.</summary>
    /// <returns>The embedded page.</returns>
    public static TribeEmbed Community() => new("/embed", null, null, null, null);

    /// <summary>One space (a group in Tribe 1.0): <c>/embed/space/&lt;slug&gt;</c>.</summary>
    /// <param name="slug">The space's slug, as in its address, such as <c>whats-new</c> or <c>product-updates-qo26s1ru</c>.</param>
    /// <returns>The embedded page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="slug"/> is null.</exception>
    /// <exception cref="TribeSsoRedirectException">The slug is empty, too long, or has a character other than letters, digits, '-', '_', '.' and '~'.</exception>
    public static TribeEmbed Space(string slug) => new("/embed/space/" + ValidateId(Guard.NotNull(slug, nameof(slug)), "space slug"), null, null, null, null);

    /// <summary>One post: <c>/embed/post/&lt;id&gt;</c>.</summary>
    /// <param name="postId">The post's id, as in its address, such as <c>7YLkAXyezVhHloA</c>.</param>
    /// <returns>The embedded page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="postId"/> is null.</exception>
    /// <exception cref="TribeSsoRedirectException">The id is empty, too long, or has a character other than letters, digits, '-', '_', '.' and '~'.</exception>
    public static TribeEmbed Post(string postId) => new("/embed/post/" + ValidateId(Guard.NotNull(postId, nameof(postId)), "post id"), null, null, null, null);

    /// <summary>
    /// Any other community page, given by the path your community's embed dialog shows (its address without the
    /// community's domain), such as <c>/embed/space/whats-new?readonly=true</c>. Options set with the <c>With…</c>
    /// methods are appended to its query.
    /// </summary>
    /// <param name="path">The community-relative path.</param>
    /// <returns>The embedded page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="TribeSsoRedirectException">The path breaks a rule of <see cref="TribeSsoRedirectPath"/>, or has a fragment ('#').</exception>
    public static TribeEmbed FromPath(string path)
    {
        TribeSsoRedirectPath.Validate(Guard.NotNull(path, nameof(path)));
        if (path.Contains('#'))
        {
            throw new TribeSsoRedirectException("The embedded page has a fragment ('#'); its options go in the query. Remove the fragment.");
        }

        return new TribeEmbed(path, null, null, null, null);
    }

    /// <summary>Sets <c>readonly</c>: true shows the page without the controls that change it.</summary>
    /// <param name="readOnly">The value to write.</param>
    /// <returns>A new value with the option set.</returns>
    public TribeEmbed WithReadOnly(bool readOnly) => new(_page, readOnly, _header, _composer, _about);

    /// <summary>Sets <c>header</c>: whether the page shows its header.</summary>
    /// <param name="header">The value to write.</param>
    /// <returns>A new value with the option set.</returns>
    public TribeEmbed WithHeader(bool header) => new(_page, _readOnly, header, _composer, _about);

    /// <summary>Sets <c>composer</c>: whether a space shows the box to write a post.</summary>
    /// <param name="composer">The value to write.</param>
    /// <returns>A new value with the option set.</returns>
    public TribeEmbed WithComposer(bool composer) => new(_page, _readOnly, _header, composer, _about);

    /// <summary>Sets <c>about</c>: whether a space shows its description.</summary>
    /// <param name="about">The value to write.</param>
    /// <returns>A new value with the option set.</returns>
    public TribeEmbed WithAbout(bool about) => new(_page, _readOnly, _header, _composer, about);

    /// <summary>Returns <see cref="Path"/>.</summary>
    /// <returns>The community-relative path of the embedded page.</returns>
    public override string ToString() => Path;

    private static string ValidateId(string id, string what)
    {
        if (id.Length == 0 || id.Length > MaxIdLength || id is "." or "..")
        {
            throw new TribeSsoRedirectException("The " + what + " must be 1 to 255 characters (and not '.' or '..'). Copy it from the address of the page you embed.");
        }

        foreach (var c in id)
        {
            if (!TextRules.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or '~'))
            {
                throw new TribeSsoRedirectException("The " + what + " may contain only letters, digits, '-', '_', '.' and '~'. Copy it from the address of the page you embed.");
            }
        }

        return id;
    }

    private string Compose()
    {
        var path = Append(_page, "readonly", _readOnly);
        path = Append(path, "header", _header);
        path = Append(path, "composer", _composer);
        return Append(path, "about", _about);

        static string Append(string path, string name, bool? value)
            => value is { } set ? UrlText.WithQueryParameter(path, name, set ? "true" : "false") : path;
    }
}
