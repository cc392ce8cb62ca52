using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

// The markup around the words: the document, the navigation bar and the member's details, each element closed where it should be.
public partial class SimulatorAnswersTests
{
    [Test]
    public void MemberPage_ListsTheDetailsInOneDefinitionList_AndNamesTheMemberInTheNavigation()
    {
        var page = _simulator.Handle("GET", "/answers", Session(SignIn(_simulator, Issuers.Jane())));

        page.Body.Should().Contain("<nav><a id=\"home\" href=\"/\"><b>Simulated community</b></a> <span>Jane Doe</span> "
            + "<span id=\"edit-profile\" class=\"unset\">Edit profile (no URL set)</span> <a id=\"log-out\" href=\"/auth/logout\">Log out</a></nav><h1 id=\"page\">/answers</h1>");
        page.Body.Should().Contain(".</p><dl><dt>Community id (_id)</dt><dd id=\"member-id\">");
        page.Body.Should().Contain("<dt>Groups</dt><dd id=\"groups\">(none)</dd></dl><h2>Members (1)</h2>");
        page.Body.Should().EndWith("</li></ul></body></html>");
    }

    [Test]
    public void SignedOutPage_EndsTheNavigationBeforeTheHeading()
    {
        var page = _simulator.Handle("GET", "/answers");

        page.Body.Should().Contain("<span id=\"sign-up\" class=\"unset\">Sign up (no URL set)</span></nav><h1 id=\"page\">/answers</h1><p id=\"signed-out\">");
        page.Body.Should().EndWith("<ul id=\"members\"></ul></body></html>");
    }

    [Test]
    public void Page_CarriesItsWholeStyleSheet_InTheHead()
    {
        var page = _simulator.Handle("GET", "/");

        page.Body.Should().StartWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Simulated community</title><style>body{");
        page.Body.Should().Contain("background:#2b2f6b;color:#fff}nav a{color:#fff}h1,h2,p,dl,ul{margin-left:1rem;margin-right:1rem}");
        page.Body.Should().Contain(".refused b{color:#c92a2a}.embed{margin:.8rem;");
        page.Body.Should().Contain(".unset{opacity:.6}</style></head><body><nav>");
    }

    [Test]
    public void Page_WithANullCommunityName_ShowsAnEmptyName()
    {
        var simulator = Simulator(new TribeCommunitySimulatorOptions { CommunityName = null! });

        var page = simulator.Handle("GET", "/");

        page.StatusCode.Should().Be(200);
        page.Body.Should().StartWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title></title>");
        page.Body.Should().Contain("<nav><a id=\"home\" href=\"/\"><b></b></a> ");
    }
}
