using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <content>The locale filter reads a member's own locale, and en-US only for a member who has none.</content>
public partial class GatewayMemberListTests
{
    [Test]
    public void Members_FilterBy_Locale_ReadsTheMembersOwnLocale()
    {
        var input = new JsonObject { ["id"] = _members[0].Id, ["input"] = new JsonObject { ["locale"] = "fr-FR" } };
        GatewayFixture.Data(_gateway.Bot("mutation M($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { locale } }", input));
        JsonObject Locale(string value) => new() { ["filterBy"] = new JsonArray(new JsonObject { ["key"] = "locale", ["operator"] = "equals", ["value"] = value }) };

        Names(Locale("fr-FR")).Should().Equal("carol");
        Names(Locale("en-US")).Should().Equal("Alice", "Bob", "Dave");
    }
}
