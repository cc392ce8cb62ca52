using System;
using System.Buffers.Text;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>
/// The gateway's access tokens: HS256 JWTs with <c>exp</c>, signed with a key made at random for each simulator (so a
/// token from another simulator, or one a test wrote by hand, is refused) and checked on every call. The claims are the
/// ones the community's Node client reads: <c>id</c>, <c>networkId</c>, <c>networkDomain</c>, <c>role</c>,
/// <c>roleId</c>, <c>roleType</c>, <c>iat</c>, <c>exp</c>.
/// </summary>
internal sealed class GatewayTokens
{
    /// <summary>The id of the bot an app acts as when it impersonates no member.</summary>
    public const string BotId = "app-bot";

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    private readonly byte[] _key = new byte[32];

    public GatewayTokens()
    {
        using var random = RandomNumberGenerator.Create();
        random.GetBytes(_key);
    }

    /// <summary>A token for the bot (<paramref name="memberId"/> null) or for a member, on <paramref name="networkId"/>.</summary>
    public string Issue(string networkId, string? memberId, TribeRole role, DateTimeOffset now, TimeSpan lifetime)
    {
        using var payload = new MemoryStream();
        using (var writer = new Utf8JsonWriter(payload))
        {
            var roleName = memberId is null ? "admin" : ClaimValues.Of(role);
            writer.WriteStartObject();
            writer.WriteString("id", memberId ?? BotId);
            writer.WriteString("networkId", networkId);
            writer.WriteString("networkDomain", "community.simulator.invalid");
            writer.WriteString("role", roleName);
            writer.WriteString("roleId", GatewayMembers.RoleId(memberId is null ? TribeRole.Admin : role));
            writer.WriteString("roleType", roleName);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", (now + lifetime).ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(payload.ToArray());
        return signingInput + "." + Base64Url.EncodeToString(Sign(signingInput));
    }

    /// <summary>Reads a token this simulator signed and that has not expired; null otherwise, whatever the text.</summary>
    public GatewayCaller? Read(string token, string networkId, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || Decode(parts[2]) is not { } signature || Decode(parts[1]) is not { } payload)
        {
            return null;
        }

        var expected = Sign(parts[0] + "." + parts[1]);
        var difference = signature.Length ^ expected.Length;
        for (var i = 0; i < Math.Min(signature.Length, expected.Length); i++)
        {
            difference |= signature[i] ^ expected[i];
        }

        if (difference != 0 || parts[0] != Base64Url.EncodeToString(Header))
        {
            return null;
        }

        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        var exp = root.GetProperty("exp").GetInt64();
        if (exp <= now.ToUnixTimeSeconds() || root.GetProperty("networkId").GetString() != networkId)
        {
            return null;
        }

        var id = root.GetProperty("id").GetString()!;
        return new GatewayCaller(id == BotId ? null : id);
    }

    private static byte[]? Decode(string segment)
    {
        if (segment.Length is 0 or > 4096)
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        if (Base64Url.DecodeFromChars(segment.AsSpan(), bytes, out _, out var written) != System.Buffers.OperationStatus.Done)
        {
            return null;
        }

        Array.Resize(ref bytes, written);
        return Base64Url.EncodeToString(bytes) == segment ? bytes : null;
    }

    private byte[] Sign(string signingInput)
    {
        using var hmac = new HMACSHA256(_key);
        return hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput));
    }
}
