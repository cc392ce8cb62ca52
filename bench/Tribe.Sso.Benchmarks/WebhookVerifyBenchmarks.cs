using System;
using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Tribe.Sso.Members;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// Checking one valid 4 KB webhook delivery three ways: <see cref="TribeWebhookVerifier.Verify(string, string, ReadOnlySpan{byte})"/>;
/// the floor (one HMAC over a message built once, the header decoded into a stack buffer, a constant-time compare);
/// and the check partners write by hand today, through strings. Ratios within one run are what count.
/// </summary>
[MemoryDiagnoser]
public class WebhookVerifyBenchmarks
{
    private const string Secret = "bench-webhook-signing-secret-not-secret";

    /// <summary>The verifier's clock, fixed at the delivery's timestamp so a long run never turns it stale.</summary>
    private static readonly DateTimeOffset SentAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private TribeWebhookVerifier _verifier = null!;
    private byte[] _key = null!;
    private byte[] _body = null!;
    private byte[] _message = null!;
    private string _signature = null!;
    private string _timestamp = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = Delivery(4096);
        _key = Encoding.UTF8.GetBytes(Secret);
        var secret = TribeWebhookSecret.FromString(Secret);
        var signed = new TribeWebhookSigner(secret).Sign(_body, SentAt);
        (_signature, _timestamp) = (signed.Signature, signed.Timestamp);
        _message = [.. Encoding.ASCII.GetBytes(_timestamp + ":"), .. _body];
        _verifier = new TribeWebhookVerifier(secret, new FixedTime(SentAt));

        // A benchmark of a refusal would measure the wrong thing: all three must say valid before anything is timed.
        if (!TribeSso() || !Floor() || !HandWritten())
        {
            throw new InvalidOperationException("A webhook benchmark does not verify its own delivery.");
        }
    }

    [Benchmark(Description = "TribeWebhookVerifier.Verify")]
    public bool TribeSso() => _verifier.Verify(_signature, _timestamp, _body).IsValid;

    [Benchmark(Baseline = true, Description = "floor: HashData + FromHexString + FixedTimeEquals")]
    public bool Floor()
    {
        Span<byte> mac = stackalloc byte[32];
        Span<byte> claimed = stackalloc byte[32];
        HMACSHA256.HashData(_key, _message, mac);
        return Convert.FromHexString(_signature, claimed, out _, out var written) == OperationStatus.Done && written == 32
            && CryptographicOperations.FixedTimeEquals(mac, claimed);
    }

    [Benchmark(Description = "hand-written: strings, new HMACSHA256, ToHexString, ==")]
    public bool HandWritten()
    {
        var body = Encoding.UTF8.GetString(_body);
        var message = _timestamp + ":" + body;
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(message));
#pragma warning disable CA1308, CA1862 // the hand-written check lower-cases and compares with ==, as partners' code does
        return Convert.ToHexString(hash).ToLowerInvariant() == _signature;
#pragma warning restore CA1308, CA1862
    }

    /// <summary>A member.updated delivery as the community sends it, its member's tagline padded to <paramref name="size"/> bytes.</summary>
    private static byte[] Delivery(int size)
    {
        const string Head = "{\"networkId\":\"net-1\",\"context\":\"NETWORK\",\"entityId\":\"net-1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"ev-1\","
            + "\"name\":\"member.updated\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-01-01T00:00:00.000Z\",\"actor\":{\"id\":\"admin-1\",\"roleType\":\"admin\"},"
            + "\"target\":{\"networkId\":\"net-1\",\"memberId\":\"m1\"},\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane@example.com\",\"name\":\"Jane Doe\","
            + "\"status\":\"VERIFIED\",\"tagline\":\"";
        const string Tail = "\"},\"oldObject\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane.old@example.com\",\"name\":\"Jane Doe\",\"status\":\"VERIFIED\"}}}";
        var text = Head + new string('x', size - Head.Length - Tail.Length) + Tail;
        return Encoding.UTF8.GetBytes(text.Length == size ? text : throw new InvalidOperationException(size.ToString(CultureInfo.InvariantCulture)));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
