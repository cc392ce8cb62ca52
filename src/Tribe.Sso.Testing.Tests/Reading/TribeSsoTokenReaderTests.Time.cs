using System;

namespace Tribe.Sso.Testing.Tests.Reading;

// exp, nbf and the leeway.
public partial class TribeSsoTokenReaderTests
{
    [TestCase(60, true)]
    [TestCase(90, true)]
    [TestCase(91, false)]
    [TestCase(3600, false)]
    public void Read_Expiry_UsesTheThirtySecondLeeway(int secondsLater, bool accepted)
    {
        var clock = TestClock.Create();
        var token = JaneToken();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var result = Reader(clock).Read(token);

        result.IsAccepted.Should().Be(accepted);
        if (!accepted)
        {
            result.Rejection!.Code.Should().Be(TribeSsoFindingCode.Expired);
        }
    }

    [TestCase(0, 74, "expired 14 s ago")]
    [TestCase(0, 61 + 300, "expired 5 min ago")]
    [TestCase(10, 71, "expired 11 s ago")]
    public void Read_Expired_SaysHowLongAgo(int leewaySeconds, int secondsLater, string message)
    {
        var clock = TestClock.Create();
        var token = JaneToken();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var reader = new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { TimeProvider = clock, Leeway = TimeSpan.FromSeconds(leewaySeconds) });

        reader.Read(token).Rejection!.Message.Should().Be(message);
    }

    [Test]
    public void Options_LeewayOutOfRange_Throws()
    {
        var act = () => new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { Leeway = TimeSpan.FromMinutes(6) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Leeway must be from 0 to 5 minutes*");
    }

    [Test]
    public void Read_NoExp_IsAcceptedButFlaggedAsValidForever()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload.Remove("exp");

        var result = Reader().Read(NodeSigned(payload));

        result.IsAccepted.Should().BeTrue();
        result.Findings.Should().ContainSingle().Which.Message.Should().StartWith("no exp: valid forever");
    }

    [Test]
    public void Read_NotBeforeInTheFuture_IsRejected()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload["nbf"] = TestClock.UnixSeconds + 45;

        Reader().Read(NodeSigned(payload)).Rejection!.Message.Should().Be("not valid for another 45 s");
    }
}
