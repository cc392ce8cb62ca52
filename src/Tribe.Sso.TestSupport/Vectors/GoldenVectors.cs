namespace Tribe.Sso.TestSupport;

/// <summary>
/// The golden vectors, written once: tokens and links the SDK must produce byte for byte at <see cref="TestClock"/>
/// with <see cref="TestKeys.Primary"/>. Every suite (core, CLI, reader) compares with these.
/// </summary>
public static class GoldenVectors
{
    /// <summary>Jane's claims: the minimal user.</summary>
    public const string JaneId = "42";
    public const string JaneName = "Jane Doe";
    public const string JaneEmail = "jane@example.com";

    /// <summary>Jane, minimal, at 2026-01-01T00:00:00Z, lifetime 60 s.</summary>
    public const string MinimalToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" +
        ".eyJzdWIiOiI0MiIsIm5hbWUiOiJKYW5lIERvZSIsImVtYWlsIjoiamFuZUBleGFtcGxlLmNvbSIsImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI1NjYwfQ" +
        ".KT19vdWcTLcKQAqiX7P7j06p7dV5xekfnmi6TfzgTDQ";

    /// <summary>The full user (every claim, three group shapes), audience "community", same clock and key.</summary>
    public const string FullToken =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" +
        ".eyJzdWIiOiJ1c2VyLTciLCJuYW1lIjoiWm_DqyBPJ0JyaWVuIiwiZW1haWwiOiJ6b2Uub2JyaWVuK3Nzb0BleGFtcGxlLmNvLnVrIiwiYXVkIjoiY29tbXVuaXR5Iiwicm9sZSI6ImFkbWluIiwicGljdHVyZSI6Imh0dHBzOi8vY2RuLmV4YW1wbGUuY29tL3UvNy5wbmciLCJzb3VyY2UiOiJuZXdzbGV0dGVyIiwidGl0bGUiOiJIZWFkIG9mIFwiU3VwcG9ydFwiIiwiYmlvIjoiPGI-SGk8L2I-IEknbSBab8OrLlxuQmFja3NsYXNoOiBcXCIsImxvY2FsZSI6ImZyLUNBIiwidGFnbGluZSI6IkFzayBtZSBhbnl0aGluZyIsImdyb3VwcyI6WyJnMSIseyJncm91cCI6ImcyIiwicm9sZSI6ImFkbWluIiwic3RhdHVzIjoiam9pbmVkIn0seyJncm91cCI6ImczIiwicm9sZSI6Im1lbWJlciIsInN0YXR1cyI6InVuYXBwcm92ZWQifV0sImlhdCI6MTc2NzIyNTYwMCwiZXhwIjoxNzY3MjI1NjYwfQ" +
        ".9ENuukyfGkJaMGjaJgWsPCbWUE23SMLrFa8SmzR7EME";

    /// <summary>Jane's link to /answers on https://community.example.com, in the default shape.</summary>
    public const string JaneAnswersLink = "https://community.example.com/auth/sso?jwt=" + MinimalToken + "&redirect=/answers";

    /// <summary>Jane's link with a base path, the newer shape and a redirect with query and fragment.</summary>
    public const string BettermodeWithBasePathLink =
        "https://example.com/community/api/auth/sso?jwt=" + MinimalToken + "&redirect_uri=/search%3Fq%3Dsso%26tab%3Dnew%23top";
}
