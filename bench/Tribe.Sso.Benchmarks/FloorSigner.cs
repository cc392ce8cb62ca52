using System;
using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// The practical floor: Utf8JsonWriter into a reused buffer, Base64Url without intermediate strings, a reused
/// HMACSHA256 (single-threaded), one string allocation. No validation, no safety: a yardstick, not a product.
/// </summary>
public sealed class FloorSigner
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");
    private readonly HMACSHA256 _hmac;
    private readonly ArrayBufferWriter<byte> _json = new(4096);
    private readonly Utf8JsonWriter _writer;
    private readonly byte[] _token = new byte[16384];

    public FloorSigner(byte[] key)
    {
        _hmac = new HMACSHA256(key);
        _writer = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public string CreateToken(TribeSsoUser user, long now)
    {
        _json.ResetWrittenCount();
        _writer.Reset(_json);
        _writer.WriteStartObject();
        _writer.WriteString("sub", user.Id);
        _writer.WriteString("name", user.Name);
        _writer.WriteString("email", user.Email);
        if (user.Role is { } role)
        {
            _writer.WriteString("role", role == TribeRole.Admin ? "admin" : role == TribeRole.Moderator ? "moderator" : "member");
        }

        if (user.Profile.Picture is { } picture)
        {
            _writer.WriteString("picture", picture.AbsoluteUri);
        }

        if (user.Profile.Title is { } title)
        {
            _writer.WriteString("title", title);
        }

        if (user.Profile.Bio is { } bio)
        {
            _writer.WriteString("bio", bio);
        }

        if (user.Profile.Locale is { } locale)
        {
            _writer.WriteString("locale", locale);
        }

        if (user.Groups is { } groups)
        {
            _writer.WriteStartArray("groups");
            foreach (var g in groups)
            {
                _writer.WriteStartObject();
                _writer.WriteString("group", g.GroupId);
                _writer.WriteString("role", "member");
                _writer.WriteString("status", "joined");
                _writer.WriteEndObject();
            }

            _writer.WriteEndArray();
            _writer.WriteString("groupsOperation", "add");
        }

        _writer.WriteNumber("iat", now);
        _writer.WriteNumber("exp", now + 60);
        _writer.WriteEndObject();
        _writer.Flush();

        var span = _token.AsSpan();
        Header.CopyTo(span);
        span[Header.Length] = (byte)'.';
        var n = Header.Length + 1 + Base64Url.EncodeToUtf8(_json.WrittenSpan, span[(Header.Length + 1)..]);
        Span<byte> mac = stackalloc byte[32];
        _hmac.TryComputeHash(span[..n], mac, out _);
        span[n] = (byte)'.';
        n += 1 + Base64Url.EncodeToUtf8(mac, span[(n + 1)..]);
        return Encoding.ASCII.GetString(span[..n]);
    }
}
