using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// A stand-in for a Tribe community's SSO endpoint: it reads a token or link with <see cref="TribeSsoTokenReader"/>,
/// then applies the community's documented user-resolution rules. Thread-safe.
/// </summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item>a user with <c>externalId == sub</c> is updated, email included (<see cref="TribeSsoSignInOutcome.Updated"/>);</item>
/// <item>else a user with that email and no externalId is linked (<c>externalId = sub</c>) and updated (<see cref="TribeSsoSignInOutcome.Linked"/>);</item>
/// <item>a user with that email and a different externalId is a <see cref="TribeSsoSignInOutcome.Conflict"/>;</item>
/// <item>else a user is created (<see cref="TribeSsoSignInOutcome.Created"/>), with role member unless <c>role</c> says otherwise.</item>
/// </list>
/// <para>
/// Assumptions where Tribe's documentation is silent: email addresses are matched case-insensitively (ordinal); an update
/// that would give a user an email another user already has is a conflict; a claim that is absent leaves the stored value
/// as it is; tokens are not remembered, so a token can be replayed until it expires (the protocol has no <c>jti</c>,
/// which is why lifetimes are short).
/// </para>
/// </remarks>
public sealed partial class InMemoryTribeCommunity
{
    private readonly object _gate = new();
    private readonly List<StoredMember> _members = new();
    private readonly TribeSsoTokenReader _reader;
    private readonly TimeProvider _clock;
    private long _nextId = 1;

    /// <summary>Creates an empty community that verifies tokens with <paramref name="key"/>, on the system clock.</summary>
    /// <param name="key">The community's SSO key.</param>
    public InMemoryTribeCommunity(TribeSsoKey key)
        : this(key, new TribeSsoTokenReaderOptions())
    {
    }

    /// <summary>Creates an empty community that verifies tokens with <paramref name="key"/>.</summary>
    /// <param name="key">The community's SSO key.</param>
    /// <param name="timeProvider">The community's clock (for <c>exp</c>); move a fake one to test expiry.</param>
    public InMemoryTribeCommunity(TribeSsoKey key, TimeProvider timeProvider)
        : this(key, new TribeSsoTokenReaderOptions { TimeProvider = Guard.NotNull(timeProvider, nameof(timeProvider)) })
    {
    }

    /// <summary>Creates an empty community with reader options (leeway, expected audience, clock).</summary>
    /// <param name="key">The community's SSO key.</param>
    /// <param name="options">How tokens are read.</param>
    public InMemoryTribeCommunity(TribeSsoKey key, TribeSsoTokenReaderOptions options)
    {
        Guard.NotNull(key, nameof(key));
        _reader = new TribeSsoTokenReader(key, Guard.NotNull(options, nameof(options)));
        _clock = options.TimeProvider ?? TimeProvider.System;
    }

    /// <summary>Gets a snapshot of the community's users, in the order they were added.</summary>
    public IReadOnlyList<TribeCommunityMember> Members
    {
        get
        {
            lock (_gate)
            {
                return _members.Select(m => m.Snapshot()).ToList().AsReadOnly();
            }
        }
    }

    /// <summary>Adds a user directly, as if they had registered on the community (for link and conflict scenarios).</summary>
    /// <param name="email">The email address.</param>
    /// <param name="name">The display name.</param>
    /// <param name="externalId">The partner id, if the user is already linked.</param>
    /// <param name="role">The community role.</param>
    /// <returns>The new member.</returns>
    /// <exception cref="InvalidOperationException">The email or externalId is taken.</exception>
    public TribeCommunityMember AddMember(string email, string name, string? externalId = null, TribeRole role = TribeRole.Member)
    {
        Guard.NotNull(email, nameof(email));
        Guard.NotNull(name, nameof(name));
        lock (_gate)
        {
            if (FindStoredByEmail(email) is not null || (externalId is not null && FindStoredByExternalId(externalId) is not null))
            {
                throw new InvalidOperationException("A member with this email or externalId already exists.");
            }

            var member = new StoredMember(NewId(), email, name, _clock.GetUtcNow()) { ExternalId = externalId, Role = role };
            _members.Add(member);
            return member.Snapshot();
        }
    }

    /// <summary>Finds the user whose externalId is <paramref name="externalId"/> (ordinal).</summary>
    /// <param name="externalId">The partner's user id.</param>
    /// <returns>The member, or null.</returns>
    public TribeCommunityMember? FindByExternalId(string externalId)
    {
        lock (_gate)
        {
            return FindStoredByExternalId(Guard.NotNull(externalId, nameof(externalId)))?.Snapshot();
        }
    }

    /// <summary>Finds the user with <paramref name="email"/>, ignoring case.</summary>
    /// <param name="email">The email address.</param>
    /// <returns>The member, or null.</returns>
    public TribeCommunityMember? FindByEmail(string email)
    {
        lock (_gate)
        {
            return FindStoredByEmail(Guard.NotNull(email, nameof(email)))?.Snapshot();
        }
    }

    /// <summary>Follows an SSO link (or takes a bare token) as the community's <c>/auth/sso</c> endpoint would.</summary>
    /// <param name="link">The link the partner redirects the browser to.</param>
    /// <returns>What happened.</returns>
    public TribeSsoSignInResult SignIn(Uri link) => SignIn(Guard.NotNull(link, nameof(link)).AbsoluteUri);

    /// <summary>Follows an SSO link made by <see cref="TribeSsoIssuer.CreateLoginUrl"/>, as the community's <c>/auth/sso</c> endpoint would.</summary>
    /// <param name="link">The link the partner redirects the browser to.</param>
    /// <returns>What happened.</returns>
    public TribeSsoSignInResult SignIn(TribeSsoLink link) => SignIn(Guard.NotNull(link, nameof(link)).AbsoluteUri);

    /// <summary>Follows an SSO link, or takes a bare token, as the community's <c>/auth/sso</c> endpoint would.</summary>
    /// <param name="tokenOrLink">The token or link.</param>
    /// <returns>What happened.</returns>
    public TribeSsoSignInResult SignIn(string tokenOrLink) => SignIn(tokenOrLink, out _);

    /// <summary>A sign-in that also gives the member as it was before it (null when it created one, or signed nobody in).</summary>
    internal TribeSsoSignInResult SignIn(string tokenOrLink, out TribeCommunityMember? before)
    {
        before = null;
        var read = _reader.Read(Guard.NotNull(tokenOrLink, nameof(tokenOrLink)));
        if (!read.IsAccepted || read.Claims is not { Subject: { } sub, Email: { } email, Name: { } name } claims)
        {
            return new TribeSsoSignInResult(TribeSsoSignInOutcome.Rejected, null, null, read);
        }

        var redirect = read.RedirectPath is { } path && TribeSsoRedirectPath.FindProblem(path) is null ? path : "/";
        lock (_gate)
        {
            var bySubject = FindStoredByExternalId(sub);
            var byEmail = FindStoredByEmail(email);
            TribeSsoSignInOutcome outcome;
            StoredMember member;
            if (bySubject is not null)
            {
                if (byEmail is not null && byEmail != bySubject)
                {
                    return new TribeSsoSignInResult(TribeSsoSignInOutcome.Conflict, null, null, read, "the email belongs to another user (" + byEmail.Id + "), so the user with this externalId cannot take it");
                }

                (member, outcome, before) = (bySubject, TribeSsoSignInOutcome.Updated, bySubject.Snapshot());
            }
            else if (byEmail is not null)
            {
                if (byEmail.ExternalId is not null)
                {
                    return new TribeSsoSignInResult(TribeSsoSignInOutcome.Conflict, null, null, read, "the user with this email (" + byEmail.Id + ") already has a different externalId; update that user's externalId or email through the API");
                }

                before = byEmail.Snapshot();
                byEmail.ExternalId = sub;
                (member, outcome) = (byEmail, TribeSsoSignInOutcome.Linked);
            }
            else
            {
                member = new StoredMember(NewId(), email, name, _clock.GetUtcNow()) { ExternalId = sub };
                _members.Add(member);
                outcome = TribeSsoSignInOutcome.Created;
            }

            member.Apply(claims, _clock.GetUtcNow());
            return new TribeSsoSignInResult(outcome, member.Snapshot(), redirect, read);
        }
    }

    private StoredMember? FindStoredByExternalId(string externalId) => _members.FirstOrDefault(m => string.Equals(m.ExternalId, externalId, StringComparison.Ordinal));

    private StoredMember? FindStoredByEmail(string email) => _members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));

    private string NewId() => (_nextId++).ToString("x24", CultureInfo.InvariantCulture);
}
