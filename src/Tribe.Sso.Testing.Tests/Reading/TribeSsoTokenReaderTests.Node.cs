using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Reading;

// Tokens signed by Node's jsonwebtoken, the seed sample's shape.
public partial class TribeSsoTokenReaderTests
{
    [Test]
    public void Read_TokensFromNodeJsonwebtoken_InTheSeedSampleShape_AreAccepted()
    {
        // The shape of Tribe's Node sample: iat and exp from Date, the user's fields, groups as objects, signed with the key string.
        var claims = new JsonObject
        {
            ["iat"] = TestClock.UnixSeconds,
            ["exp"] = TestClock.UnixSeconds + 60,
            ["email"] = "jane@example.com",
            ["sub"] = "42",
            ["name"] = "Jane Doe",
            ["picture"] = "https://cdn.example.com/jane.png",
            ["locale"] = "en",
            ["title"] = "Engineer",
            ["bio"] = "<p>Hello</p>",
            ["groups"] = new JsonArray(new JsonObject { ["group"] = "5f1c0e8b9d3e4a0012345678", ["role"] = "member", ["status"] = "joined" }),
            ["groupsOperation"] = "add",
        };
        var token = NodeInterop.Sign(TestKeys.Primary, claims)[0];

        var result = Reader().Read(token);

        result.IsAccepted.Should().BeTrue(string.Join("; ", result.Findings));
        result.Findings.Should().BeEmpty();
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
        result.User!.Groups!.Single().Should().Be(TribeGroup.Joined("5f1c0e8b9d3e4a0012345678"));
        result.Claims!.Title.Should().Be("Engineer");
    }

    [Test]
    public void Read_NodeTokenWithAnotherKey_IsRejected()
    {
        var token = NodeInterop.Sign(TestKeys.Other, new JsonObject { ["sub"] = "42", ["name"] = "Jane", ["email"] = "jane@example.com", ["exp"] = TestClock.UnixSeconds + 60 })[0];

        Reader().Read(token).Rejection!.Code.Should().Be(TribeSsoFindingCode.SignatureInvalid);
    }
}
