using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso;

/// <summary>
/// Signs SSO tokens and builds SSO links for one community. Immutable and thread-safe: create one per application
/// (or register it as a singleton) and share it.
/// </summary>
/// <example>
/// <code>
/// var issuer = new TribeSsoIssuer(new TribeSsoOptions
/// {
///     CommunityUrl = new Uri("https://community.example.com"),
///     PrivateKey = TribeSsoKey.FromString(configuration["TribeSso:PrivateKey"]!),
/// });
/// TribeSsoLink link = issuer.CreateLoginUrl(user, redirectPath: "/answers");
/// </code>
/// </example>
public sealed class TribeSsoIssuer
{
    [ThreadStatic]
    private static PayloadBuffer? t_payloadBuffer;

    private readonly JwsSigner _signer;
    private readonly TimeProvider _timeProvider;
    private readonly long _lifetimeSeconds;
    private readonly byte[] _linkPrefix;
    private readonly byte[] _redirectSeparator;
    private readonly string _redirectParameterName;
    private readonly bool _allowAdminRole;

    /// <summary>Creates an issuer; the options are validated and copied.</summary>
    /// <param name="options">The community URL, key and link settings.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and <c>exp</c>; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="TribeSsoConfigurationException">An option breaks a rule; the message names it and the fix.</exception>
    public TribeSsoIssuer(TribeSsoOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options, nameof(options));
        options.Validate();
        _signer = new JwsSigner(options.PrivateKey!);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _lifetimeSeconds = (long)options.TokenLifetime.TotalSeconds;
        TokenLifetime = options.TokenLifetime;
        Audience = options.Audience;
        SsoPath = options.SsoPath;
        _redirectParameterName = options.RedirectParameterName;
        TokenParameterName = options.TokenParameterName;
        _allowAdminRole = options.AllowAdminRole;
        var communityBase = UrlText.CommunityBase(options.CommunityUrl!);
        CommunityUrl = new Uri(communityBase + "/");
        _linkPrefix = Encoding.ASCII.GetBytes(LinkFormat.Prefix(communityBase, options.SsoPath, options.TokenParameterName));
        _redirectSeparator = Encoding.ASCII.GetBytes(LinkFormat.RedirectSeparator(options.RedirectParameterName));
    }

    /// <summary>Gets the community's address (with its base path and a trailing slash), with the ASCII (punycode) form of an internationalised host.</summary>
    public Uri CommunityUrl { get; }

    /// <summary>Gets the lifetime written into every token (<c>exp</c> − <c>iat</c>).</summary>
    public TimeSpan TokenLifetime { get; }

    /// <summary>Gets the <c>aud</c> claim, or null when none is written.</summary>
    public string? Audience { get; }

    /// <summary>Gets the path of the community's SSO endpoint.</summary>
    public string SsoPath { get; }

    /// <summary>Gets the query parameter that carries the token (<c>jwt</c> unless the options name another).</summary>
    public string TokenParameterName { get; }

    /// <summary>Gets the query parameter that carries the redirect target.</summary>
    public string RedirectParameterName => _redirectParameterName;

    /// <summary>Gets whether this issuer signs tokens with <c>role: admin</c> (<see cref="TribeSsoOptions.AllowAdminRole"/>).</summary>
    public bool AllowAdminRole => _allowAdminRole;

    /// <summary>
    /// Creates a compact HS256 JWT for <paramref name="user"/>, with <c>iat</c> = now and <c>exp</c> = now + <see cref="TokenLifetime"/>.
    /// Do not log it: whoever holds it can sign in as the user until it expires.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <returns>The token: <c>header.payload.signature</c>, at most 8,000 bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">
    /// The token would be over 8,000 bytes (the message names the largest claims), or the user is an admin and
    /// <see cref="AllowAdminRole"/> is false.
    /// </exception>
    public string CreateToken(TribeSsoUser user)
    {
        Guard.NotNull(user, nameof(user));
        var payload = WritePayload(user);
        var length = JwsSigner.GetTokenLength(JwsSigner.Hs256Header.Length, payload.Length);
        if (length > SizeRules.MaxBytes)
        {
            throw SizeRules.TooLarge("token", length, payload, encodedRedirectLength: 0);
        }

        return _signer.CreateCompact(JwsSigner.Hs256Header, payload);
    }

    /// <summary>
    /// Creates the link that signs <paramref name="user"/> into the community:
    /// <c>&lt;community&gt;&lt;sso-path&gt;?&lt;token-parameter&gt;=&lt;token&gt;[&amp;&lt;redirect-parameter&gt;=&lt;path&gt;]</c>.
    /// Send it as a redirect with <c>Cache-Control: no-store</c> and <c>Referrer-Policy: no-referrer</c>, and do not log it.
    /// </summary>
    /// <param name="user">The signed-in user.</param>
    /// <param name="redirectPath">
    /// Where the community sends the user afterwards: a path on the community such as <c>/answers</c>, with optional
    /// query and fragment (they are percent-encoded). Null lets the community choose (its home page).
    /// </param>
    /// <returns>The link, at most 8,000 bytes of ASCII; its <see cref="TribeSsoLink.ToString"/> is the exact link.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    /// <exception cref="TribeSsoRedirectException">
    /// <paramref name="redirectPath"/> could lead off the community (an open redirect) or break the link, or it is the
    /// largest part of a link that would be over 8,000 bytes.
    /// </exception>
    /// <exception cref="TribeSsoClaimException">
    /// The link would be over 8,000 bytes (the message names the largest claims), or the user is an admin and
    /// <see cref="AllowAdminRole"/> is false.
    /// </exception>
    public TribeSsoLink CreateLoginUrl(TribeSsoUser user, string? redirectPath = null)
    {
        Guard.NotNull(user, nameof(user));
        if (redirectPath is not null)
        {
            TribeSsoRedirectPath.Validate(redirectPath);
        }

        var payload = WritePayload(user);
        var tokenLength = JwsSigner.GetTokenLength(JwsSigner.Hs256Header.Length, payload.Length);
        var maxLength = _linkPrefix.Length + tokenLength + (redirectPath is null ? 0 : _redirectSeparator.Length + UrlText.GetMaxEscapedLength(redirectPath));
        var buffer = ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            _linkPrefix.CopyTo(buffer, 0);
            var length = _linkPrefix.Length + _signer.WriteCompact(JwsSigner.Hs256Header, payload, buffer, _linkPrefix.Length);
            var encodedRedirectLength = 0;
            if (redirectPath is not null)
            {
                _redirectSeparator.CopyTo(buffer, length);
                length += _redirectSeparator.Length;
                encodedRedirectLength = UrlText.WriteEscapedValue(redirectPath, keepSlash: true, buffer.AsSpan(length));
                length += encodedRedirectLength;
            }

            if (length > SizeRules.MaxBytes)
            {
                throw SizeRules.TooLarge("link", length, payload, encodedRedirectLength);
            }

            // One string for the whole link, all ASCII: the community's host in punycode, the rest base64url or percent-encoded.
            return new TribeSsoLink(Encoding.ASCII.GetString(buffer, 0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes the claims into this thread's buffer, with <c>iat</c> = now; valid until the next call on this thread.</summary>
    private ReadOnlySpan<byte> WritePayload(TribeSsoUser user)
    {
        if (user.Role == TribeRole.Admin && !_allowAdminRole)
        {
            throw ClaimRules.Fail(ClaimNames.Role, "is admin, which makes the holder a community admin, and this issuer does not sign admin tokens. If your site really grants community admin through SSO, set TribeSsoOptions.AllowAdminRole = true (configuration TribeSso:AllowAdminRole); otherwise use TribeRole.Moderator or TribeRole.Member");
        }

        var issuedAt = _timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var buffer = t_payloadBuffer ??= new PayloadBuffer();
        buffer.Output.Clear();
        buffer.Writer.Reset(buffer.Output);
        PayloadWriter.Write(buffer.Writer, user, Audience, issuedAt, issuedAt + _lifetimeSeconds);
        return buffer.Output.WrittenSpan;
    }

    /// <summary>Describes the issuer without the key.</summary>
    /// <returns>The community, SSO path and lifetime.</returns>
    public override string ToString()
        => TextRules.Invariant($"TribeSsoIssuer {{ CommunityUrl = {CommunityUrl}, SsoPath = {SsoPath}, TokenLifetime = {TokenLifetime} }}");

    /// <summary>A per-thread JSON writer and buffer, so steady-state signing allocates only the token string.</summary>
    private sealed class PayloadBuffer
    {
        public PayloadBuffer()
        {
            Output = new PooledBufferWriter(1024);
            Writer = new Utf8JsonWriter(Output, PayloadWriter.Options);
        }

        public PooledBufferWriter Output { get; }

        public Utf8JsonWriter Writer { get; }
    }
}
