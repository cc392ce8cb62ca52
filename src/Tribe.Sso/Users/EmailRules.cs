namespace Tribe.Sso;

/// <summary>
/// A practical RFC 5321/5322 addr-spec check: one <c>@</c>, a dot-atom local part (non-ASCII allowed, RFC 6531), and a
/// host name of at least two labels. Quoted local parts and address literals are refused: no partner needs them
/// and they are where parsers disagree.
/// </summary>
internal static class EmailRules
{
    internal const int MaxLocalPartLength = 64;
    internal const int MaxLabelLength = 63;

    /// <returns>What is wrong, without echoing the address, or null when it is acceptable.</returns>
    public static string? FindProblem(string email)
    {
        var at = email.IndexOf('@');
        if (at < 0)
        {
            return "it has no '@'";
        }

        if (email.IndexOf('@', at + 1) >= 0)
        {
            return "it has more than one '@'";
        }

        for (var i = 0; i < email.Length; i++)
        {
            if (char.IsWhiteSpace(email[i]))
            {
                return "it contains whitespace";
            }
        }

        return FindLocalPartProblem(email, at) ?? FindDomainProblem(email, at + 1);
    }

    private static string? FindLocalPartProblem(string email, int length)
    {
        if (length == 0)
        {
            return "the part before '@' is empty";
        }

        if (length > MaxLocalPartLength)
        {
            return "the part before '@' is longer than 64 characters";
        }

        if (email[0] == '.' || email[length - 1] == '.')
        {
            return "the part before '@' starts or ends with '.'";
        }

        for (var i = 0; i < length; i++)
        {
            var c = email[i];
            if (c == '.' && email[i + 1] == '.')
            {
                return "the part before '@' contains '..'";
            }

            if (c < 0x80 && !TextRules.IsAsciiLetterOrDigit(c) && c != '.' && "!#$%&'*+/=?^_`{|}~-".IndexOf(c) < 0)
            {
                return "the part before '@' contains a character that needs quoting (such as <, >, \", comma or ':')";
            }
        }

        return null;
    }

    private static string? FindDomainProblem(string email, int start)
    {
        var domainLength = email.Length - start;
        if (domainLength == 0)
        {
            return "the domain after '@' is empty";
        }

        var labels = 0;
        var labelStart = start;
        for (var i = start; i <= email.Length; i++)
        {
            if (i < email.Length && email[i] != '.')
            {
                var c = email[i];
                if (c < 0x80 && !TextRules.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return "the domain contains a character that is not a letter, digit, '-' or '.'";
                }

                continue;
            }

            var labelLength = i - labelStart;
            if (labelLength == 0)
            {
                return "the domain has an empty label (a leading, trailing or doubled '.')";
            }

            if (labelLength > MaxLabelLength)
            {
                return "a domain label is longer than 63 characters";
            }

            if (email[labelStart] == '-' || email[i - 1] == '-')
            {
                return "a domain label starts or ends with '-'";
            }

            labels++;
            labelStart = i + 1;
        }

        if (labels < 2)
        {
            return "the domain has no '.' (a public address has a domain such as example.com)";
        }

        var topLevelIsNumeric = true;
        for (var i = email.LastIndexOf('.') + 1; i < email.Length; i++)
        {
            topLevelIsNumeric &= TextRules.IsAsciiDigit(email[i]);
        }

        return topLevelIsNumeric ? "the domain ends in a number (an IP address is not accepted)" : null;
    }
}
