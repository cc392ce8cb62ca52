using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members;

/// <summary>
/// Finds, relinks, updates and deletes a community's members through its GraphQL API, and fixes the SSO conflict
/// the community raises when the member with a user's email holds another <c>externalId</c>. Thread-safe: create one
/// per community and share it.
/// </summary>
/// <remarks>
/// Queries and <c>updateMember</c> are retried on rate limits (code 104, HTTP 429, honouring <c>Retry-After</c>),
/// server errors and timeouts; <c>deleteMember</c> only on rate limits. See docs/members.md.
/// </remarks>
public sealed partial class TribeMembersClient : IDisposable
{
    /// <summary>The page size of the email search.</summary>
    internal const int SearchPageSize = 20;

    /// <summary>The most pages the email search reads: a search that matches more than 1,000 members is not one address.</summary>
    internal const int MaxSearchPages = 50;

    private readonly OperationRunner _runner;

    // False for a client from Share(): the runner, its token cache included, belongs to the client it was shared from.
    private readonly bool _ownsRunner;

    /// <summary>Creates the client.</summary>
    /// <param name="options">The endpoint and credentials; validated here and copied, so later changes have no effect.</param>
    /// <param name="httpClient">
    /// The HttpClient to send with, such as one from <c>IHttpClientFactory</c>; null for one shared by the process, which
    /// follows no redirect. Its <c>BaseAddress</c> is not used. Give it a handler with <c>AllowAutoRedirect = false</c>:
    /// the client refuses a redirect (<see cref="TribeMembersResponseException"/> naming the status), and an answer that
    /// came from another origin than <see cref="TribeMembersClientOptions.ApiUrl"/> after a redirect the handler followed,
    /// but by then the handler has sent the request, credentials and member data included, to that origin.
    /// </param>
    /// <param name="timeProvider">The clock for token expiry and retry delays; null for <see cref="TimeProvider.System"/>.</param>
    /// <param name="meterFactory">
    /// The host's meter factory, so its listeners see the client's calls, retries and durations on the <c>Tribe.Sso</c>
    /// meter (docs/operations.md); null for a meter shared by the process.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="TribeMembersConfigurationException">An option is missing or invalid; the message names it and the fix.</exception>
    public TribeMembersClient(TribeMembersClientOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null, IMeterFactory? meterFactory = null)
    {
        Guard.NotNull(options, nameof(options));
        options.Validate();
        var copy = new TribeMembersClientOptions
        {
            ApiUrl = options.ApiUrl,
            NetworkId = options.NetworkId,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            AccessToken = options.AccessToken,
            MaxAttempts = options.MaxAttempts,
            RetryDelay = options.RetryDelay,
            MaxRetryDelay = options.MaxRetryDelay,
            AttemptTimeout = options.AttemptTimeout,
        };
        ApiUrl = copy.ApiUrl;
        _runner = new OperationRunner(httpClient ?? SharedHttpClient.Instance, copy, timeProvider ?? TimeProvider.System, meterFactory);
        _ownsRunner = true;
    }

    private TribeMembersClient(TribeMembersClient owner)
    {
        ApiUrl = owner.ApiUrl;
        _runner = owner._runner;
    }

    /// <summary>The GraphQL endpoint the client sends to.</summary>
    public Uri ApiUrl { get; }

    /// <summary>Finds the member linked to a partner's user id (<c>externalId</c>, the SSO token's <c>sub</c>).</summary>
    /// <param name="externalId">The partner's user id.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The member, or null when no member has that <c>externalId</c>.</returns>
    /// <exception cref="TribeSsoClaimException"><paramref name="externalId"/> is not a valid <c>sub</c>.</exception>
    /// <exception cref="TribeMembersException">The community refused the request or could not be reached; the type says why.</exception>
    public async Task<TribeMember?> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken = default)
    {
        MemberArguments.ExternalId(externalId);
        MemberData data;
        try
        {
            data = await _runner.RunAsync(GraphQlOperations.MemberByExternalId, new ExternalIdVariables { ExternalId = externalId }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (TribeMembersNotFoundException)
        {
            return null;
        }

        var member = MemberMapping.ToMember(data.Member, "member");
        return member.ExternalId == externalId
            ? member
            : throw AnswerErrors.Malformed("member", "is a member with another externalId than the one asked for");
    }

    /// <summary>
    /// Finds the member with an email: an exact match, ignoring letter case, among the members the community's search
    /// returns for it (a search also matches parts of names and addresses; those are skipped). When several members hold
    /// the address in different letter case, returns the first the search lists: use <see cref="FindAllByEmailAsync"/>
    /// to see them all (<see cref="ResolveConflictAsync"/> and <c>tribe-sso members relink</c> refuse such an address).
    /// </summary>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The member, or null when none has that email.</returns>
    /// <exception cref="TribeSsoClaimException"><paramref name="email"/> is not an address the SSO builder accepts.</exception>
    /// <exception cref="TribeMembersException">The community refused the request or could not be reached; the type says why.</exception>
    public async Task<TribeMember?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var matches = await FindAllByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        return matches.Count == 0 ? null : matches[0];
    }

    /// <summary>
    /// Finds every member with an email, ignoring letter case: the exact matches among the members the community's
    /// search returns for it, every page read (at most <c>1,000</c> members), so a variant on a later page is seen too.
    /// More than one means the community holds the address twice in different letter case: fix them by id.
    /// </summary>
    /// <param name="email">The address.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The members in the order the search lists them; empty when none has that email.</returns>
    /// <exception cref="TribeSsoClaimException"><paramref name="email"/> is not an address the SSO builder accepts.</exception>
    /// <exception cref="TribeMembersException">The community refused the request or could not be reached; the type says why.</exception>
    public async Task<IReadOnlyList<TribeMember>> FindAllByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        MemberArguments.Email(email);
        var matches = new List<TribeMember>();
        string? after = null;
        for (var page = 0; page < MaxSearchPages; page++)
        {
            var variables = new MembersVariables { Limit = SearchPageSize, Query = email, After = after };
            var data = await _runner.RunAsync(GraphQlOperations.Members, variables, null, cancellationToken).ConfigureAwait(false);
            var members = data.Members ?? throw AnswerErrors.Malformed("members", "has no members page");
            foreach (var member in MemberMapping.Nodes(members))
            {
                if (string.Equals(member.Email, email, StringComparison.OrdinalIgnoreCase) && !matches.Exists(m => m.Id == member.Id))
                {
                    matches.Add(member);
                }
            }

            var next = members.PageInfo?.EndCursor;
            if (members.PageInfo?.HasNextPage != true || string.IsNullOrEmpty(next) || next == after)
            {
                break;
            }

            after = next;
        }

        return matches;
    }

    /// <summary>Changes a member: only the properties set on <paramref name="changes"/> are sent. Repeating the call is harmless.</summary>
    /// <param name="memberId">The member's id (<see cref="TribeMember.Id"/>).</param>
    /// <param name="changes">What to change; at least one property set.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>The member as the community describes it after the change.</returns>
    /// <exception cref="ArgumentException"><paramref name="memberId"/> is empty, or <paramref name="changes"/> sets nothing.</exception>
    /// <exception cref="TribeMembersNotFoundException">No member has that id.</exception>
    /// <exception cref="TribeMembersValidationException">The community refused a value, such as an email another member has.</exception>
    /// <exception cref="TribeMembersException">The community refused the request or could not be reached; the type says why.</exception>
    public async Task<TribeMember> UpdateAsync(string memberId, TribeMemberChanges changes, CancellationToken cancellationToken = default)
    {
        MemberArguments.MemberId(memberId);
        Guard.NotNull(changes, nameof(changes));
        if (changes.IsEmpty)
        {
            throw new ArgumentException("The changes set nothing. Set at least one of ExternalId, Email, Name, Tagline or Locale.", nameof(changes));
        }

        var input = new UpdateMemberInput { ExternalId = changes.ExternalId, Email = changes.Email, Name = changes.Name, Tagline = changes.Tagline, Locale = changes.Locale };
        var data = await _runner.RunAsync(GraphQlOperations.UpdateMember, new UpdateMemberVariables { Id = memberId, Input = input }, memberId, cancellationToken).ConfigureAwait(false);
        return MemberMapping.ToMember(data.UpdateMember, "updateMember");
    }

    /// <summary>
    /// Deletes a member. Retried only when the community refused it for the rate limit: after a server error or a
    /// timeout the delete may have happened, so the call fails instead of repeating it.
    /// </summary>
    /// <param name="memberId">The member's id (<see cref="TribeMember.Id"/>).</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>A task that completes when the community has deleted the member.</returns>
    /// <exception cref="ArgumentException"><paramref name="memberId"/> is empty.</exception>
    /// <exception cref="TribeMembersNotFoundException">No member has that id (it may already be deleted).</exception>
    /// <exception cref="TribeMembersException">The community refused the request or could not be reached; the type says why.</exception>
    public async Task DeleteAsync(string memberId, CancellationToken cancellationToken = default)
    {
        MemberArguments.MemberId(memberId);
        var data = await _runner.RunAsync(GraphQlOperations.DeleteMember, new IdVariables { Id = memberId }, memberId, cancellationToken).ConfigureAwait(false);
        if (!string.Equals(data.DeleteMember?.Status, "succeeded", StringComparison.Ordinal))
        {
            throw AnswerErrors.Malformed("deleteMember", "does not say the delete succeeded (status '" + (data.DeleteMember?.Status == "failed" ? "failed" : "missing or unknown") + "'); the member may still exist");
        }
    }

    /// <summary>
    /// Returns a client that sends through this one (its endpoint, credentials, app token, retries and HttpClient) and whose
    /// <see cref="Dispose"/> does nothing. Hand it to a container that disposes what it gives out while this client lives
    /// on, such as a transient service disposed with each request's scope: disposing this client itself would end its
    /// token renewals for every later call.
    /// </summary>
    /// <returns>A client sharing this one's state; disposing this one ends token renewals for it and every share of it.</returns>
    public TribeMembersClient Share() => new(this);

    /// <summary>
    /// Cancels a token renewal still running; later calls that need a new app token fail. The HttpClient is not disposed:
    /// it belongs to the caller or is shared. A client from <see cref="Share"/> has nothing to dispose.
    /// </summary>
    public void Dispose()
    {
        if (_ownsRunner)
        {
            _runner.Dispose();
        }
    }

    /// <summary>Describes the client by its endpoint, without credentials.</summary>
    /// <returns>For example <c>TribeMembersClient { ApiUrl = https://api.bettermode.com/ }</c>.</returns>
    public override string ToString() => "TribeMembersClient { ApiUrl = " + ApiUrl.AbsoluteUri + " }";
}
