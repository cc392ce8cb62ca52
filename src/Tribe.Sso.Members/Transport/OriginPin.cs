using System;
using System.Globalization;
using System.Net.Http;

namespace Tribe.Sso.Members;

/// <summary>
/// Pins the client to <see cref="TribeMembersClientOptions.ApiUrl"/>'s origin: the SDK's HttpClients follow no redirect,
/// and this refuses what would come of one.
/// </summary>
internal static class OriginPin
{
    /// <summary>
    /// Refuses a redirect, and an answer from another origin than <see cref="TribeMembersClientOptions.ApiUrl"/> (an
    /// HttpClient given by the caller that followed a redirect): the request carried the credentials and a member's data,
    /// and an answer from elsewhere is not the community's.
    /// </summary>
    public static void Check(string operation, HttpResponseMessage response, int status, Uri endpoint)
    {
        if (status is >= 300 and < 400)
        {
            throw new TribeMembersResponseException(
                "The community answered " + operation + " with HTTP " + status.ToString(CultureInfo.InvariantCulture) + ", a redirect, which the client does not follow: the request carries the app's credentials and the member's data. Set TribeMembersClientOptions.ApiUrl to the community's GraphQL endpoint itself.",
                operation,
                statusCode: status);
        }

        if (response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } answered && !SameOrigin(answered, endpoint))
        {
            throw new TribeMembersResponseException(
                "The answer to " + operation + " came from another origin than TribeMembersClientOptions.ApiUrl: the HttpClient followed a redirect, so the answer is not trusted. Turn off AllowAutoRedirect on the HttpClient's handler, and set ApiUrl to the community's GraphQL endpoint itself.",
                operation,
                statusCode: status == 200 ? null : status);
        }
    }

    private static bool SameOrigin(Uri a, Uri b)
        => string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
}
