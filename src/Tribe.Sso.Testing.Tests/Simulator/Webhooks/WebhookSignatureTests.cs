using System.Text;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <summary>The simulator's signer against a fixed vector, computed outside .NET (Python's hmac over <c>timestamp:body</c>).</summary>
public class WebhookSignatureTests
{
    [Test]
    public void Sign_FixedSecretTimestampAndBody_GivesTheLowercaseHexHmacOfTimestampColonBody()
        => WebhookSignature.Sign("whsec-simulator-test", 1767225600000, Encoding.UTF8.GetBytes("{\"type\":\"TEST\"}"))
            .Should().Be("2415a0e778d0db512e852961b91049d31b4417d625e255ac4085cb51f46e02a3");

    [Test]
    public void Sign_NonAsciiSecretAndBody_KeysWithTheSecretsUtf8Bytes()
        => WebhookSignature.Sign("clé-ü", 1, Encoding.UTF8.GetBytes("{\"name\":\"Zoë\"}"))
            .Should().Be("0c093055ac3923436a0d88f02f1bc44a2486f7269a477474a0af943faa6f19ea");
}
