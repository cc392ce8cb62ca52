using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The sign-up redirect is written by the URL writer: the return address lands in the query whatever the page's shape.</summary>
public class WithSignUpPageUrlTests
{
    private PartnerApp _app = null!;

    [OneTimeSetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync(app =>
    {
        app.MapTribeSso("/community/fragment").WithSignUpPage("/account/register#top");
        app.MapTribeSso("/community/accent").WithSignUpPage("/inscription/caf\u00e9");
        app.MapTribeSso("/community/query").WithSignUpPage("/a?x=1");
        app.MapTribeSso("/community/both").WithSignUpPage("/a?x=1#top", "next");
        app.MapTribeSso("/community/encoded").WithSignUpPage("/inscription/caf%C3%A9");
    });

    [OneTimeTearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [TestCase("/community/fragment", "/account/register?ReturnUrl=%2Fcommunity%2Ffragment#top")]
    [TestCase("/community/accent", "/inscription/caf%C3%A9?ReturnUrl=%2Fcommunity%2Faccent")]
    [TestCase("/community/query", "/a?x=1&ReturnUrl=%2Fcommunity%2Fquery")]
    [TestCase("/community/both", "/a?x=1&next=%2Fcommunity%2Fboth#top")]
    [TestCase("/community/encoded", "/inscription/caf%C3%A9?ReturnUrl=%2Fcommunity%2Fencoded")]
    public async Task AnonymousVisitor_IsSentToTheSignUpPage_WithTheReturnAddressInItsQuery(string endpoint, string expected)
    {
        var response = await _app.Client.GetAsync(endpoint);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(expected);
    }

    [TestCase("r\r\nSet-Cookie: x=1")]
    [TestCase("a&ReturnUrl=//evil.example&b")]
    [TestCase("")]
    [TestCase("return url")]
    [TestCase("r\u00e9tour")]
    [TestCase("a=b")]
    public void ReturnParameterThatIsNotAPlainName_IsRefusedWhenMapped(string parameter)
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var act = () => app.MapTribeSso("/community/sign-up").WithSignUpPage("/register", parameter);

        act.Should().Throw<ArgumentException>()
            .WithMessage("The return-address parameter of the sign-up page must be 1 to 64 letters, digits, '_', '-' or '.', such as ReturnUrl.*")
            .Which.ParamName.Should().Be("returnUrlParameter");
    }

    [TestCase("//evil.example/register")]
    [TestCase("/\\evil.example")]
    [TestCase("javascript:alert(1)")]
    [TestCase("/a/../..//evil.example")]
    [TestCase("/register\r\nSet-Cookie: x=1")]
    public void SignUpPageThatIsNotALocalPath_IsRefusedWhenMapped(string path)
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var act = () => app.MapTribeSso("/community/sign-up").WithSignUpPage(path);

        act.Should().Throw<ArgumentException>().WithMessage("The sign-up page *").Which.ParamName.Should().Be("signUpPath");
    }
}
