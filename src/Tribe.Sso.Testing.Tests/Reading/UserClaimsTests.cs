using System;
using System.Linq;
using System.Reflection;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>
/// The one mapping from claims to the user builder (shared source <c>src/Shared/Wire/UserClaims.cs</c>), which the reader,
/// the CLI and the simulated community's API build users through.
/// </summary>
public class UserClaimsTests
{
    [TestCase("source", nameof(TribeProfile.Source))]
    [TestCase("title", nameof(TribeProfile.Title))]
    [TestCase("bio", nameof(TribeProfile.Bio))]
    [TestCase("locale", nameof(TribeProfile.Locale))]
    [TestCase("tagline", nameof(TribeProfile.Tagline))]
    public void Build_OneTextClaim_SetsThatPropertyAndNoOther(string claim, string property)
    {
        var user = UserClaims.Build("42", "Jane", "jane@example.com", null, null, name => name == claim ? "fr" : null, null, null);

        foreach (var other in TextProperties())
        {
            other.GetValue(user.Profile).Should().Be(other.Name == property ? "fr" : null, "only " + claim + " was given");
        }
    }

    [Test]
    public void Text_MapsEveryStringSetterOfTheBuilder_InTheOrderTheIssuerWritesThem()
    {
        var setters = typeof(TribeSsoUserBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name.StartsWith("With", StringComparison.Ordinal) && m.GetParameters() is [{ ParameterType: var type }] && type == typeof(string))
            .Select(m => m.Name["With".Length..].ToLowerInvariant());

        UserClaims.TextNames.Should().BeEquivalentTo(setters, "a text claim the builder learns is mapped here, or the reader and the CLI drop it");
        UserClaims.TextNames.Should().Equal(ClaimNames.Known.Where(UserClaims.TextNames.Contains), "the order is the claims' order on the wire");
    }

    [Test]
    public void Build_Groups_FollowTheOperation_AndEmptyReplaceRemovesFromEveryGroup()
    {
        var groups = new[] { UserClaims.Group("a", null, TribeGroupStatus.Joined), UserClaims.Group("b", TribeGroupRole.Admin, TribeGroupStatus.Unapproved) };

        Build(groups, TribeGroupsOperation.Add).GroupsOperation.Should().Be(TribeGroupsOperation.Add);
        Build(groups, TribeGroupsOperation.Replace).Groups.Should().Equal(TribeGroup.FromId("a"), TribeGroup.Unapproved("b", TribeGroupRole.Admin));
        Build(Array.Empty<TribeGroup>(), TribeGroupsOperation.Replace).Groups.Should().BeEmpty();
        Build(Array.Empty<TribeGroup>(), TribeGroupsOperation.Replace).GroupsOperation.Should().Be(TribeGroupsOperation.Replace);
        Build(null, TribeGroupsOperation.Add).Groups.Should().BeNull("no groups claim leaves the user's groups alone");
    }

    [TestCase(null, TribeGroupStatus.Unapproved, "a", null, null)]
    [TestCase(TribeGroupRole.Member, TribeGroupStatus.Joined, "a", TribeGroupRole.Member, TribeGroupStatus.Joined)]
    [TestCase(TribeGroupRole.Admin, TribeGroupStatus.Unapproved, "a", TribeGroupRole.Admin, TribeGroupStatus.Unapproved)]
    public void Group_IsABareIdWithoutARole_OtherwiseTheRoleAndStatus(TribeGroupRole? role, TribeGroupStatus status, string id, TribeGroupRole? expectedRole, TribeGroupStatus? expectedStatus)
    {
        var group = UserClaims.Group(id, role, status);

        group.GroupId.Should().Be(id);
        group.Role.Should().Be(expectedRole);
        group.Status.Should().Be(expectedStatus);
    }

    [Test]
    public void Build_ABrokenRule_ThrowsTheBuildersClaimException()
    {
        var build = () => UserClaims.Build("42", "Jane", "jane@example.com", TribeRole.Member, new Uri("ftp://cdn.example.com/j.png"), _ => null, null, null);

        build.Should().Throw<TribeSsoClaimException>().Which.ClaimName.Should().Be("picture");
    }

    private static TribeSsoUser Build(TribeGroup[]? groups, TribeGroupsOperation operation) =>
        UserClaims.Build("42", "Jane", "jane@example.com", null, null, _ => null, groups, operation);

    private static PropertyInfo[] TextProperties() => typeof(TribeProfile).GetProperties().Where(p => p.PropertyType == typeof(string)).ToArray();
}
