namespace Tribe.Sso.Cli.Tests;

/// <summary>The user most tests sign: Jane of the golden vectors, at the fixed issue time.</summary>
internal static class Args
{
    public const string IssuedAt = "1767225600";

    public static readonly string[] Jane = { "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com", "--issued-at", IssuedAt };
}
