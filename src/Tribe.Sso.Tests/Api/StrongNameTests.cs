using System;
using System.IO;
using System.Security.Cryptography;

namespace Tribe.Sso.Tests.Api;

/// <summary>
/// Tribe.Sso is strong-named with the repository's key (eng/Tribe.Sso.snk), so strong-named .NET Framework
/// applications can reference it. Runs against both builds (net10.0 and netstandard2.0).
/// </summary>
public class StrongNameTests
{
    [Test]
    public void TribeSsoAssembly_IsSignedWithTheRepositoryKey()
    {
        var name = typeof(TribeSsoIssuer).Assembly.GetName();

        name.GetPublicKey().Should().Equal(RepositoryPublicKey());
        Convert.ToHexString(name.GetPublicKeyToken()!).Should().Be(TokenOf(RepositoryPublicKey()));
    }

    [Test]
    public void TribeSsoAssembly_OpensItsInternalsOnlyToSignedFriends()
    {
        var friends = typeof(TribeSsoIssuer).Assembly.GetCustomAttributes(typeof(System.Runtime.CompilerServices.InternalsVisibleToAttribute), false);
        var key = Convert.ToHexString(RepositoryPublicKey()).ToLowerInvariant();

        friends.Should().NotBeEmpty().And.AllSatisfy(f =>
            ((System.Runtime.CompilerServices.InternalsVisibleToAttribute)f).AssemblyName.Should().EndWith(", PublicKey=" + key));
    }

    /// <summary>The public half of the key pair, as a strong name records it (a PublicKeyBlob around the RSA public key).</summary>
    private static byte[] RepositoryPublicKey()
    {
        var snk = File.ReadAllBytes(Path.Combine(Repository.Root, "eng", "Tribe.Sso.snk"));
        var bits = BitConverter.ToInt32(snk, 12);
        using var blob = new MemoryStream();
        using var writer = new BinaryWriter(blob);
        writer.Write(0x00002400);            // signature algorithm: RSA
        writer.Write(0x00008004);            // hash algorithm: SHA-1
        writer.Write(20 + bits / 8);         // size of the PUBLICKEYBLOB below
        writer.Write(new byte[] { 0x06, 0x02, 0, 0 });
        writer.Write(0x00002400);
        writer.Write(0x31415352);            // "RSA1"
        writer.Write(bits);
        writer.Write(snk, 16, 4);            // public exponent
        writer.Write(snk, 20, bits / 8);     // modulus
        writer.Flush();
        return blob.ToArray();
    }

    private static string TokenOf(byte[] publicKey)
    {
#pragma warning disable CA5350 // SHA-1 is what strong names use for the token; nothing here is a security decision.
        var hash = SHA1.HashData(publicKey);
#pragma warning restore CA5350
        var token = hash[^8..];
        Array.Reverse(token);
        return Convert.ToHexString(token);
    }
}
