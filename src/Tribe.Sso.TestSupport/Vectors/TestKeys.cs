using System.Text;

namespace Tribe.Sso.TestSupport;

/// <summary>Fixed keys. Each is distinctive so a test can assert it appears in no message or output.</summary>
public static class TestKeys
{
    /// <summary>A 48-byte key in the admin-panel style.</summary>
    public const string Primary = "tsk_SENTINEL-7f3a9c1e-do-not-leak-0123456789abcd";

    /// <summary>A different valid key, for "signed with another key" cases.</summary>
    public const string Other = "tsk_OTHER-4b1d2e77-another-community-9876543210ab";

    /// <summary>A 20-byte key, for the explicit short-key opt-in.</summary>
    public const string Short = "short-SENTINEL-20byt";

    public static byte[] Bytes(string key) => Encoding.UTF8.GetBytes(key);
}
