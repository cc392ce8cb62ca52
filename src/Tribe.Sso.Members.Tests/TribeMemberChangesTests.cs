using System;

namespace Tribe.Sso.Members.Tests;

public class TribeMemberChangesTests
{
    [TestCase(nameof(TribeMemberChanges.ExternalId), "", "sub")]
    [TestCase(nameof(TribeMemberChanges.ExternalId), "a\u202Eb", "sub")]
    [TestCase(nameof(TribeMemberChanges.Email), "Jane <jane@example.com>", "email")]
    [TestCase(nameof(TribeMemberChanges.Email), "jane@localhost", "email")]
    [TestCase(nameof(TribeMemberChanges.Name), "   ", "name")]
    [TestCase(nameof(TribeMemberChanges.Tagline), "line\nbreak", "tagline")]
    [TestCase(nameof(TribeMemberChanges.Locale), "english please", "locale")]
    public void RefusedValue_ThrowsClaimExceptionNamingThePropertyButNotTheValue(string property, string value, string claim)
    {
        Action act = property switch
        {
            "ExternalId" => () => _ = new TribeMemberChanges { ExternalId = value },
            "Email" => () => _ = new TribeMemberChanges { Email = value },
            "Name" => () => _ = new TribeMemberChanges { Name = value },
            "Tagline" => () => _ = new TribeMemberChanges { Tagline = value },
            _ => () => _ = new TribeMemberChanges { Locale = value },
        };

        var thrown = act.Should().Throw<TribeSsoClaimException>().Which;

        thrown.ClaimName.Should().Be(claim);
        thrown.Message.Should().StartWith("TribeMemberChanges." + property + " is refused: Claim '" + claim + "'");
        if (value.Trim().Length > 0)
        {
            thrown.Message.Should().NotContain(value);
        }
    }

    [Test]
    public void AcceptedValues_AreKeptExactly()
    {
        var changes = new TribeMemberChanges { Email = "Jane.Doe+tribe@Example.com", ExternalId = "user-42" };

        changes.Email.Should().Be("Jane.Doe+tribe@Example.com");
        changes.ExternalId.Should().Be("user-42");
        changes.Name.Should().BeNull();
        changes.IsEmpty.Should().BeFalse();
    }

    [Test]
    public void ToString_NamesThePropertiesSetWithoutValues()
    {
        var changes = new TribeMemberChanges { Email = "jane@example.com", Name = "Jane" };

        changes.ToString().Should().Be("TribeMemberChanges { Email, Name }");
    }
}
