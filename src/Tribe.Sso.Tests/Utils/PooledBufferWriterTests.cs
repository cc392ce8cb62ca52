namespace Tribe.Sso.Tests.Utils;

/// <summary>
/// The buffer the issuer writes each payload into: it grows only when a request does not fit, and growing keeps what
/// was written.
/// </summary>
public class PooledBufferWriterTests
{
    [Test]
    public void GetSpan_ARequestThatExactlyFits_KeepsTheBuffer()
    {
        var writer = new PooledBufferWriter(16);
        var capacity = writer.GetSpan().Length;

        writer.GetSpan(capacity).Length.Should().Be(capacity, "the request fits the buffer exactly, so it is not replaced");
        writer.GetMemory(capacity).Length.Should().Be(capacity);
    }

    [Test]
    public void GetSpan_ARequestOneByteTooLarge_GrowsAndKeepsTheWrittenBytes()
    {
        var writer = new PooledBufferWriter(16);
        var capacity = writer.GetSpan().Length;
        writer.GetSpan(3)[..3].Fill(7);
        writer.Advance(3);

        var span = writer.GetSpan(capacity - 2);

        span.Length.Should().BeGreaterThanOrEqualTo(capacity - 2);
        writer.WrittenSpan.ToArray().Should().Equal(7, 7, 7);
    }

    [Test]
    public void Clear_ForgetsTheWrittenBytes()
    {
        var writer = new PooledBufferWriter(16);
        writer.GetSpan(2)[..2].Fill(1);
        writer.Advance(2);

        writer.Clear();

        writer.WrittenSpan.Length.Should().Be(0);
    }
}
