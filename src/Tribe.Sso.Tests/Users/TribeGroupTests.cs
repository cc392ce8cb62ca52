using System;
using System.Linq;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// A group entry: its three forms, the group id's limit at 255 and 256 characters, the exact refusals, and value
/// equality (two entries are equal when id, role and status are, so the builder can find a group named twice).
/// </summary>
public class TribeGroupTests
{
    private const string Spaces = "Claim 'groups' has a group id that contains whitespace, a control character or a surrogate. Pass the group's id exactly as the community shows it, without spaces.";

    [Test]
    public void FromId_IsABareIdWithoutRoleOrStatus()
    {
        var group = TribeGroup.FromId("g1");

        group.GroupId.Should().Be("g1");
        group.Role.Should().BeNull();
        group.Status.Should().BeNull();
        group.IsBareId.Should().BeTrue();
        group.ToString().Should().Be("g1");
    }

    [Test]
    public void Joined_IsAMemberUnlessARoleIsGiven()
    {
        var group = TribeGroup.Joined("g1");

        group.Role.Should().Be(TribeGroupRole.Member);
        group.Status.Should().Be(TribeGroupStatus.Joined);
        group.IsBareId.Should().BeFalse();
        group.ToString().Should().Be("g1 (member, joined)");
    }

    [Test]
    public void Unapproved_KeepsTheRoleForWhenItIsApproved()
    {
        var group = TribeGroup.Unapproved("g1", TribeGroupRole.Admin);

        group.Role.Should().Be(TribeGroupRole.Admin);
        group.Status.Should().Be(TribeGroupStatus.Unapproved);
        group.IsBareId.Should().BeFalse();
        group.ToString().Should().Be("g1 (admin, unapproved)");
    }

    [Test]
    public void FromId_255Characters_IsAccepted()
    {
        TribeGroup.FromId(new string('g', 255)).GroupId.Should().HaveLength(255);
    }

    [TestCase("bare")]
    [TestCase("joined")]
    [TestCase("unapproved")]
    public void EachForm_AGroupIdOf256Characters_IsRefused(string form)
    {
        Refusal(() => Create(form, new string('g', 256))).Should().Be(
            "Claim 'groups' has a group id of 256 characters; at most 255 are accepted. Pass the group's id, not its name or URL.");
    }

    [TestCase("bare")]
    [TestCase("joined")]
    [TestCase("unapproved")]
    public void EachForm_AnEmptyGroupId_IsRefused(string form)
    {
        Refusal(() => Create(form, string.Empty)).Should().Be(
            "Claim 'groups' has an empty group id. Pass the id of the group as shown in the community (its admin panel or API).");
    }

    [TestCase("g 1")]
    [TestCase("g\t1")]
    [TestCase("g\u00A01")]
    [TestCase("g\u30001")]
    [TestCase("g\u20281")]
    [TestCase("g\u00001")]
    [TestCase("g\u007F1")]
    [TestCase("g\u0085")]
    [TestCase("\U0001F600")]
    public void FromId_WhitespaceControlOrSurrogate_IsRefused(string id)
    {
        Refusal(() => TribeGroup.FromId(id)).Should().Be(Spaces);
    }

    [Test]
    public void FromId_ALoneSurrogate_IsRefused()
    {
        Refusal(() => TribeGroup.FromId("g" + (char)0xDC00)).Should().Be(Spaces);
    }

    [Test]
    public void FromId_AnInvisibleCharacter_IsNamedWithItsPosition()
    {
        Refusal(() => TribeGroup.FromId("g\u2060")).Should().Be(
            "Claim 'groups' has a group id that contains an invisible or direction-changing character (U+2060) at index 1; it makes one value look like another. Remove it.");
    }

    [TestCase(-1)]
    [TestCase(2)]
    public void JoinedAndUnapproved_AnUndefinedRole_IsRefused(int role)
    {
        var message = $"Claim 'groups' has an undefined group role ({role}). Use TribeGroupRole.Member or TribeGroupRole.Admin.";

        Refusal(() => TribeGroup.Joined("g1", (TribeGroupRole)role)).Should().Be(message);
        Refusal(() => TribeGroup.Unapproved("g1", (TribeGroupRole)role)).Should().Be(message);
    }

    [Test]
    public void Equals_TheSameIdRoleAndStatus_AreEqual()
    {
        var first = TribeGroup.Joined("g1", TribeGroupRole.Admin);
        var second = TribeGroup.Joined("g" + 1, TribeGroupRole.Admin);

        first.Equals(second).Should().BeTrue();
        first.Equals((object)second).Should().BeTrue();
        first.GetHashCode().Should().Be(second.GetHashCode());
        TribeGroup.FromId("g1").Should().Be(TribeGroup.FromId("g1"));
    }

    [Test]
    public void Equals_ADifferentIdRoleOrStatus_IsNotEqual()
    {
        var group = TribeGroup.Joined("g1");

        group.Equals(TribeGroup.Joined("g2")).Should().BeFalse();
        group.Equals(TribeGroup.Joined("G1")).Should().BeFalse("group ids are compared exactly");
        group.Equals(TribeGroup.Joined("g1", TribeGroupRole.Admin)).Should().BeFalse();
        group.Equals(TribeGroup.Unapproved("g1")).Should().BeFalse();
        group.Equals(TribeGroup.FromId("g1")).Should().BeFalse();
        group.Equals("g1").Should().BeFalse();
        TribeGroup.Joined("g1").Equals(null).Should().BeFalse();
        TribeGroup.Joined("g1").Equals((object?)null).Should().BeFalse();
    }

    [Test]
    public void GetHashCode_TheFiveFormsOfOneId_AreAllDifferent()
    {
        // Twenty ids, so that no hash of an id (string hashes change per process) can make the forms collide by chance.
        foreach (var id in Enumerable.Range(0, 20).Select(i => "group-" + i))
        {
            var forms = new[]
            {
                TribeGroup.FromId(id), TribeGroup.Joined(id), TribeGroup.Joined(id, TribeGroupRole.Admin),
                TribeGroup.Unapproved(id), TribeGroup.Unapproved(id, TribeGroupRole.Admin),
            };

            forms.Select(f => f.GetHashCode()).Should().OnlyHaveUniqueItems("the forms of {0} are different entries", id);
        }
    }

    private static TribeGroup Create(string form, string id) => form switch
    {
        "bare" => TribeGroup.FromId(id),
        "joined" => TribeGroup.Joined(id),
        "unapproved" => TribeGroup.Unapproved(id),
        _ => throw new ArgumentOutOfRangeException(nameof(form), form, "not a group form"),
    };

    private static string Refusal(Func<object> act)
    {
        var exception = act.Should().Throw<TribeSsoClaimException>().Which;
        exception.ClaimName.Should().Be("groups");
        return exception.Message;
    }
}
