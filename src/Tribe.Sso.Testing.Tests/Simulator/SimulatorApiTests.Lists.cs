using System.Linq;
using System.Text.Json;

namespace Tribe.Sso.Testing.Tests.Simulator;

// What the API lists: each member's groups, and each sign-in's conflict reason and findings.
public partial class SimulatorApiTests
{
    [Test]
    public void Members_ListEachGroupWithItsRoleAndStatus()
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com")
            .ReplaceGroups(TribeGroup.Joined("g-help"), TribeGroup.Unapproved("g-vip", TribeGroupRole.Admin)).Build();
        _simulator.Handle("GET", _issuer.CreateLoginUrl(user).ToUri().PathAndQuery).StatusCode.Should().Be(302);

        var response = _simulator.Handle("GET", "/_simulator/members");

        response.StatusCode.Should().Be(200);
        var groups = Json(response)[0].GetProperty("groups");
        groups.EnumerateArray().Select(g => (g.GetProperty("group").GetString(), g.GetProperty("role").GetString(), g.GetProperty("status").GetString()))
            .Should().Equal(("g-help", "member", "joined"), ("g-vip", "admin", "unapproved"));
        groups.EnumerateArray().Should().AllSatisfy(g => g.EnumerateObject().Select(p => p.Name).Should().Equal("group", "role", "status"));
    }

    [Test]
    public void SignIns_ListTheConflictReason_AndNullForASignInThatWorked()
    {
        var other = Json(_simulator.Handle("POST", "/_simulator/members", body: """{"email":"jane@example.com","name":"J","externalId":"99"}""")).GetProperty("id").GetString();
        _simulator.Handle("GET", _issuer.CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery).StatusCode.Should().Be(409);
        _simulator.Handle("GET", _issuer.CreateLoginUrl(TribeSsoUser.Create("7", "Sam Roe", "sam@example.com").Build()).ToUri().PathAndQuery).StatusCode.Should().Be(302);

        var signIns = Json(_simulator.Handle("GET", "/_simulator/sign-ins"));

        signIns[0].GetProperty("outcome").GetString().Should().Be("conflict");
        signIns[0].GetProperty("conflictReason").GetString().Should().Be("the user with this email (" + other + ") already has a different externalId; update that user's externalId or email through the API");
        signIns[1].GetProperty("outcome").GetString().Should().Be("created");
        signIns[1].GetProperty("conflictReason").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public void SignIns_ListTheClaimOfAFinding()
    {
        var token = Reading.Tokens.Sign("{\"sub\":\"42\",\"name\":\"Jane Doe\",\"iat\":" + TestClock.UnixSeconds + "}");
        _simulator.Handle("GET", "/auth/sso?jwt=" + token).StatusCode.Should().Be(401);

        var finding = Json(_simulator.Handle("GET", "/_simulator/sign-ins"))[0].GetProperty("findings")[0];

        finding.GetProperty("claim").GetString().Should().Be("email");
        finding.GetProperty("message").GetString().Should().Be("no email: the community requires sub, name and email and fails without them");
    }
}
