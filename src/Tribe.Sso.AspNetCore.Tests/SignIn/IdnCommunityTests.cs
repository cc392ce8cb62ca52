using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// Issue 13, classes 4 and 5, on real Kestrel: a community with a Unicode host and a target with a non-ASCII path used to
/// make MapTribeSso answer 500, because Kestrel refuses a Location header that is not ASCII.
/// </summary>
public class IdnCommunityTests
{
    [TestCase("https://bücher.example", "https://xn--bcher-kva.example/auth/sso?jwt=")]
    [TestCase("https://例え.テスト/コミュニティ", "https://xn--r8jz45g.xn--zckzah/%E3%82%B3%E3%83%9F%E3%83%A5%E3%83%8B%E3%83%86%E3%82%A3/auth/sso?jwt=")]
    public async Task MapTribeSso_UnicodeCommunityAndTarget_Answers302WithAnAsciiLocation(string communityUrl, string prefix)
    {
        var settings = PartnerApp.ValidSettings();
        settings["TribeSso:CommunityUrl"] = communityUrl;
        var clock = TestClock.Create();
        await using var app = PartnerApp.Build(settings, new CapturingLoggerProvider(), clock);
        await app.StartAsync();
        using var client = PartnerApp.CreateClient(app);
        (await client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/community/sso?redirect=/caf%C3%A9");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var location = response.Headers.NonValidated["Location"].Single()!;
        location.Should().StartWith(prefix).And.EndWith("&redirect=/caf%C3%A9");
        location.Should().MatchRegex("^[\\x21-\\x7E]+$", "a header carries ASCII only");
        var read = new TribeSsoTokenReader(TribeSsoKey.FromString(TestKeys.Primary), new TribeSsoTokenReaderOptions { TimeProvider = clock }).Read(location);
        read.IsAccepted.Should().BeTrue();
        read.RedirectPath.Should().Be("/café");
    }
}
