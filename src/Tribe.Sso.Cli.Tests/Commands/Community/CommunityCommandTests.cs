using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli.Tests.Community;

/// <summary><c>tribe-sso community</c> run as a process, driven over HTTP as a partner's test suite in any language would.</summary>
public class CommunityCommandTests
{
    private const string Key = TestKeys.Primary;
    private const string Partner = "http://127.0.0.1:5080";

    [Test]
    public async Task TokenSignedByNodeJsonwebtoken_InTribesSampleShape_CreatesTheMemberAndOpensThePage()
    {
        using var simulator = Start(Key);
        var token = NodeToken(Key, "42", "jane@example.com");

        var signIn = await simulator.GetAsync("/auth/sso?jwt=" + token + "&redirect=%2Fspaces%2Fgeneral");
        var page = await simulator.GetAsync(signIn.Location!);

        signIn.Status.Should().Be(HttpStatusCode.Found);
        signIn.Location.Should().Be("/spaces/general");
        page.Body.Should().Contain("Jane Doe").And.Contain("jane@example.com").And.NotContain(token);
        var members = await Json(simulator, "/_simulator/members");
        members.GetArrayLength().Should().Be(1);
        members[0].GetProperty("externalId").GetString().Should().Be("42");
        members[0].GetProperty("email").GetString().Should().Be("jane@example.com");
        var signIns = await Json(simulator, "/_simulator/sign-ins");
        signIns[0].GetProperty("outcome").GetString().Should().Be("created");
        simulator.Stdout.Should().NotContain(Key);
        simulator.Stop().Should().Be(0);
        simulator.Stderr.Should().NotContain(Key).And.NotContain(token);
    }

    [Test]
    public async Task TheNewerUrlShape_ApiAuthSsoWithRedirectUri_SignsInToo()
    {
        using var simulator = Start(Key);

        var signIn = await simulator.GetAsync("/api/auth/sso?jwt=" + NodeToken(Key, "7", "sam@example.com") + "&redirect_uri=%2Fanswers");

        signIn.Status.Should().Be(HttpStatusCode.Found);
        signIn.Location.Should().Be("/answers");
    }

    [Test]
    public async Task TokenParameterOption_ReadsTheTokenUnderThatName_AndNotUnderJwt()
    {
        using var simulator = Start(Key, "--token-parameter", "token");
        var token = NodeToken(Key, "42", "jane@example.com");

        var underToken = await simulator.GetAsync("/auth/sso?token=" + token + "&redirect=%2Fanswers");
        var underJwt = await simulator.GetAsync("/auth/sso?jwt=" + token);

        underToken.Status.Should().Be(HttpStatusCode.Found);
        underToken.Location.Should().Be("/answers");
        underJwt.Status.Should().Be(HttpStatusCode.Unauthorized);
        underJwt.Body.Should().Contain("no token query parameter");
    }

    [Test]
    public async Task SeededMemberWithAnotherExternalId_IsAConflict_409_AndTheSignInIsRecorded()
    {
        using var simulator = Start(Key);
        using var seed = await simulator.Client.PostAsync(
            new Uri("/_simulator/members", UriKind.Relative),
            new StringContent("{\"email\":\"jane@example.com\",\"name\":\"Jane Existing\",\"externalId\":\"other-99\"}", Encoding.UTF8, "application/json"));

        var signIn = await simulator.GetAsync("/auth/sso?jwt=" + NodeToken(Key, "42", "jane@example.com"));

        seed.StatusCode.Should().Be(HttpStatusCode.Created);
        signIn.Status.Should().Be(HttpStatusCode.Conflict);
        signIn.Body.Should().Contain("already has a different externalId");
        var signIns = await Json(simulator, "/_simulator/sign-ins");
        signIns[0].GetProperty("outcome").GetString().Should().Be("conflict");
    }

    [Test]
    public async Task TokenSignedWithAnotherKey_IsRejected_401_WithTheReadersReason()
    {
        using var simulator = Start(Key);

        var signIn = await simulator.GetAsync("/auth/sso?jwt=" + NodeToken(TestKeys.Other, "42", "jane@example.com"));

        signIn.Status.Should().Be(HttpStatusCode.Unauthorized);
        signIn.Body.Should().Contain("bad signature");
        var signIns = await Json(simulator, "/_simulator/sign-ins");
        signIns[0].GetProperty("outcome").GetString().Should().Be("rejected");
        (await Json(simulator, "/_simulator/members")).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Reset_ForgetsMembersAndSignIns()
    {
        using var simulator = Start(Key);
        await simulator.GetAsync("/auth/sso?jwt=" + NodeToken(Key, "42", "jane@example.com"));

        using var reset = await simulator.Client.DeleteAsync(new Uri("/_simulator", UriKind.Relative));

        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Json(simulator, "/_simulator/members")).GetArrayLength().Should().Be(0);
        (await Json(simulator, "/_simulator/sign-ins")).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task CommunityPages_LinkToThePartnersAuthorizationAndLogoutUrls()
    {
        using var simulator = Start(Key, "--authorization-url", Partner + "/community/sso", "--sign-up-url", Partner + "/sign-up", "--logout-url", Partner + "/community/logout");

        var anonymous = await simulator.GetAsync("/spaces/general");
        await simulator.GetAsync("/auth/sso?jwt=" + NodeToken(Key, "42", "jane@example.com"));
        var logOut = await simulator.GetAsync("/auth/logout");

        anonymous.Body.Should().Contain("href=\"" + Partner + "/community/sso?redirect=%2Fspaces%2Fgeneral\"")
            .And.Contain("href=\"" + Partner + "/sign-up?redirect=%2Fspaces%2Fgeneral\"");
        logOut.Status.Should().Be(HttpStatusCode.Found);
        logOut.Location.Should().Be(Partner + "/community/logout");
    }

    [Test]
    public async Task EmbedPages_ShowTheSignedInMember()
    {
        using var simulator = Start(Key);
        var signIn = await simulator.GetAsync("/auth/sso?jwt=" + NodeToken(Key, "42", "jane@example.com") + "&redirect=%2Fembed%2Fspace%2Fwhats-new%3Freadonly%3Dfalse");

        var embed = await simulator.GetAsync(signIn.Location!);

        embed.Status.Should().Be(HttpStatusCode.OK);
        embed.Body.Should().Contain("Jane Doe");
    }

    [TestCase(new[] { "--urls", "http://0.0.0.0:5090" }, "--urls: must be one http address on this machine")]
    [TestCase(new[] { "--urls", "https://127.0.0.1:5090" }, "--urls: must be one http address on this machine")]
    [TestCase(new[] { "--logout-url", "javascript:alert(1)" }, "--logout-url: is not an absolute http or https URL")]
    [TestCase(new[] { "--logout-url", "http://user:pass@127.0.0.1:5080/logout" }, "--logout-url: LogoutUrl must not carry user info or a fragment")]
    [TestCase(new[] { "--authorization-url", "http://127.0.0.1:5080/sso#top" }, "--authorization-url: AuthorizationUrl must not carry user info or a fragment")]
    [TestCase(new[] { "--redirect-parameter", "next" }, "--redirect-parameter: RedirectParameterName must be redirect or redirect_uri, the two names Tribe uses for the page to return to.")]
    [TestCase(new[] { "--return-parameter", "redirect" }, "Unrecognized command or argument '--return-parameter'")]
    [TestCase(new[] { "--token-parameter", "a&b" }, "--token-parameter: Option 'TokenParameterName' may contain only letters")]
    public void BadOption_ExitsWithTwoAndOneLineNamingIt(string[] args, string message)
    {
        var run = Cli.Execute(Key, ["community", .. args]);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("tribe-sso community: " + message).And.EndWith("\n").And.NotContain(Key);
        run.Stderr.TrimEnd('\n').Should().NotContain("\n");
    }

    [Test]
    public void NoKey_ExitsWithTwoAndSaysWhereTheKeyComesFrom()
    {
        var run = Cli.Execute(null, "community");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("tribe-sso community: TRIBE_SSO_PRIVATE_KEY: no key.");
    }

    [Test]
    public void PortInUse_ExitsWithTwo()
    {
        using var first = Start(Key);

        var run = Cli.Execute(Key, "community", "--urls", first.Url.GetLeftPart(UriPartial.Authority));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("tribe-sso community: --urls: cannot listen on ");
    }

    [TestCase("http://localhost:0")]
    [TestCase("http://LOCALHOST:0")]
    public async Task LocalhostWithPortZero_ListensOnAFreeLoopbackPort_AndServes(string urls)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { Cli.Assembly, "community", "--urls", urls })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["TRIBE_SSO_PRIVATE_KEY"] = Key;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var ready = process.StandardOutput.ReadLineAsync();
            (await Task.WhenAny(ready, Task.Delay(TimeSpan.FromSeconds(30)))).Should().BeSameAs(ready, "the ready line comes within 30 s");

            var line = await ready;
            line.Should().MatchRegex("^Tribe community simulator listening on http://127\\.0\\.0\\.1:[1-9][0-9]*$", "stderr: " + (stderr.IsCompleted ? stderr.Result : string.Empty));
            using var client = new HttpClient { BaseAddress = new Uri(line!["Tribe community simulator listening on ".Length..]) };
            (await client.GetStringAsync(new Uri("/_simulator/members", UriKind.Relative))).Should().Be("[]");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Test]
    public void AddressTheSystemCannotBind_ExitsWithTwoAndOneLine()
    {
        var run = Cli.Execute(Key, "community", "--urls", "http://[::ffff:127.0.0.1]:0");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso community: --urls: cannot listen on http://[::ffff:127.0.0.1]:0 (Invalid argument). Choose another address or port: http://127.0.0.1:0 picks a free one.\n");
    }

    private static CommunitySimulatorProcess Start(string key, params string[] args) => CommunitySimulatorProcess.Start(Cli.Assembly, key, args);

    /// <summary>Signed by Node's jsonwebtoken as Tribe's own Node sample signs: iat and exp from the clock, the key string as secret.</summary>
    private static string NodeToken(string key, string sub, string email)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return NodeInterop.Sign(key, new JsonObject { ["iat"] = now, ["exp"] = now + 60, ["email"] = email, ["sub"] = sub, ["name"] = "Jane Doe" })[0];
    }

    private static async Task<JsonElement> Json(CommunitySimulatorProcess simulator, string path)
    {
        var (status, body, _) = await simulator.GetAsync(path);
        status.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
