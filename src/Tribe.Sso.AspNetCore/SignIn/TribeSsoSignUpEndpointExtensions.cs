using System;
using Microsoft.AspNetCore.Builder;

namespace Tribe.Sso.AspNetCore;

/// <summary>Makes a <c>MapTribeSso</c> endpoint the community's Sign-up URL.</summary>
public static class TribeSsoSignUpEndpointExtensions
{
    /// <summary>The query parameter that carries the page to come back to, as ASP.NET Core's cookie authentication names it: <c>ReturnUrl</c>.</summary>
    public const string DefaultReturnUrlParameter = "ReturnUrl";

    /// <summary>
    /// Sends anonymous visitors of a <c>MapTribeSso</c> endpoint to the app's sign-up page instead of its sign-in
    /// challenge, with the page to come back to: <c>/account/register?ReturnUrl=%2Fcommunity%2Fsign-up%3Fredirect%3D…</c>.
    /// Once the new account is signed in, the sign-up page redirects to that local address and the visitor enters the
    /// community page they wanted. Signed-in users go straight to the community. No effect on other endpoints.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The builder returned by <c>MapTribeSso</c>.</param>
    /// <param name="signUpPath">The app's sign-up page, a path such as <c>/account/register</c>. To sign up through an external identity provider, map a local endpoint that challenges it with its sign-up hint, and name that endpoint here.</param>
    /// <param name="returnUrlParameter">The query parameter the sign-up page reads the return address from. Default <c>ReturnUrl</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="signUpPath"/> is not a local path, or <paramref name="returnUrlParameter"/> is empty.</exception>
    public static TBuilder WithSignUpPage<TBuilder>(this TBuilder builder, string signUpPath, string returnUrlParameter = DefaultReturnUrlParameter)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(signUpPath);
        ArgumentException.ThrowIfNullOrEmpty(returnUrlParameter);
        if (TribeSsoRedirectPath.FindProblem(signUpPath) is { } problem)
        {
            throw new ArgumentException("The sign-up page " + problem + ". Pass a path on this site, such as /account/register.", nameof(signUpPath));
        }

        var page = new TribeSsoSignUpPage(signUpPath, returnUrlParameter);
        builder.Add(endpoint => endpoint.Metadata.Add(page));
        return builder;
    }
}
