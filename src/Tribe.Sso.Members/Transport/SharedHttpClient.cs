using System;
using System.Net.Http;

namespace Tribe.Sso.Members;

/// <summary>The HttpClient every <see cref="TribeMembersClient"/> created without one shares: it follows no redirect.</summary>
internal static class SharedHttpClient
{
    private static readonly Lazy<HttpClient> Shared = new(Create);

    public static HttpClient Instance => Shared.Value;

    private static HttpClient Create()
    {
        // Redirects are not followed: they would carry the credentials and the member's data to wherever the answer points.
#if NETSTANDARD2_0
        return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
#else
        // Connections are renewed every few minutes so the client follows DNS changes of the API host.
        return new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false });
#endif
    }
}
