using System;
using System.CommandLine;
using System.Net.Http;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// The members commands' connection to the community: the app's credentials from the environment (never from an
/// option, which would leak into shell history and process lists), the endpoint from <c>--api-url</c>, and the pace
/// from <c>--api-rate-limit</c>.
/// </summary>
internal sealed class MembersApi
{
    public const string ClientIdVariable = "TRIBE_API_CLIENT_ID";
    public const string ClientSecretVariable = "TRIBE_API_CLIENT_SECRET";
    public const string NetworkIdVariable = "TRIBE_API_NETWORK_ID";

    public readonly Option<string?> ApiUrl = new("--api-url")
    {
        Description = "The community's GraphQL endpoint. Default " + TribeMembersClientOptions.DefaultApiUrl + " (" + TribeMembersClientOptions.LegacyTribeApiUrl + " for older Tribe communities).",
    };

    public readonly Option<int?> RateLimit = new("--api-rate-limit")
    {
        Description = "Send at most N requests in any 10 seconds (your plan's burst limit), so the community rarely has to refuse one. Default: no pacing; refused requests are retried after the community's Retry-After.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(ApiUrl);
        command.Options.Add(RateLimit);
    }

    /// <summary>Creates the client with the pacer in front of it; errors in the settings end the command with exit code 2.</summary>
    public (TribeMembersClient Client, RequestPacer Pacer) Connect(ParseResult parse)
    {
        var options = new TribeMembersClientOptions
        {
            ClientId = Variable(ClientIdVariable, "the client id of an app installed on the community"),
            ClientSecret = Variable(ClientSecretVariable, "the app's client secret"),
            NetworkId = Variable(NetworkIdVariable, "the community's network id"),
        };
        if (parse.GetValue(ApiUrl) is { } text)
        {
            options.ApiUrl = Uri.TryCreate(text, UriKind.Absolute, out var url)
                ? url
                : throw new CliException("--api-url", "is not an absolute URL. Pass the community's GraphQL endpoint, such as " + TribeMembersClientOptions.DefaultApiUrl + ".");
        }

        var limit = parse.GetValue(RateLimit);
        if (limit is < 1 or > 100_000)
        {
            throw new CliException("--api-rate-limit", "must be a whole number of requests per 10 seconds, 1 to 100000.");
        }

        var pacer = new RequestPacer(limit, TimeProvider.System, new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false });
        try
        {
            return (new TribeMembersClient(options, new HttpClient(pacer)), pacer);
        }
        catch (TribeMembersConfigurationException e)
        {
            pacer.Dispose();
            throw new CliException(OptionFor(e.OptionName), e.Message);
        }
    }

    /// <summary>A failure of the whole command (credentials, installation, permission, the community unreachable), as one line.</summary>
    public static CliException Fail(TribeMembersException e) => new(e.Operation ?? "members", e.Message);

    private static string OptionFor(string optionName) => optionName switch
    {
        nameof(TribeMembersClientOptions.ApiUrl) => "--api-url",
        nameof(TribeMembersClientOptions.ClientId) => ClientIdVariable,
        nameof(TribeMembersClientOptions.ClientSecret) => ClientSecretVariable,
        nameof(TribeMembersClientOptions.NetworkId) => NetworkIdVariable,
        _ => optionName,
    };

    private static string Variable(string name, string what)
        => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new CliException(name, "is not set. Set it to " + what + " (the developer portal shows it).");
}
