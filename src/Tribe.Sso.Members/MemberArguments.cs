using System;

namespace Tribe.Sso.Members;

/// <summary>The arguments' rules: ids and emails pass the SSO builder's claim rules before any request.</summary>
internal static class MemberArguments
{
    private const int MaxMemberIdLength = 255;

    public static void ExternalId(string externalId)
    {
        Guard.NotNull(externalId, nameof(externalId));
        TribeSsoUser.Create(externalId, "Placeholder", "placeholder@example.org");
    }

    public static void Email(string email)
    {
        Guard.NotNull(email, nameof(email));
        TribeSsoUser.Create("placeholder", "Placeholder", email);
    }

    public static void MemberId(string memberId)
    {
        Guard.NotNull(memberId, nameof(memberId));
        if (memberId.Trim().Length == 0 || memberId.Length > MaxMemberIdLength)
        {
            throw new ArgumentException("The member id is empty or longer than 255 characters. Pass TribeMember.Id, as returned by FindByExternalIdAsync or FindByEmailAsync.", nameof(memberId));
        }

        foreach (var c in memberId)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                throw new ArgumentException("The member id contains whitespace or a control character. Pass TribeMember.Id, as returned by FindByExternalIdAsync or FindByEmailAsync.", nameof(memberId));
            }
        }
    }
}
