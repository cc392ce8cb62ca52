using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Cli.Tests;

/// <summary>
/// A members API the simulated community cannot play: it holds members whose emails differ only in letter case (the
/// community refuses to seed them). It issues a token, answers every search with its members, and records each update.
/// </summary>
internal sealed class FakeMembersApi : IDisposable
{
    private readonly RawHttpServer _server;

    public FakeMembersApi(params (string Id, string? ExternalId, string Email)[] members)
    {
        var edges = string.Join(",", members.Select(m => "{\"node\":{\"id\":\"" + m.Id + "\",\"externalId\":" + (m.ExternalId is null ? "null" : "\"" + m.ExternalId + "\"") + ",\"email\":\"" + m.Email + "\",\"name\":\"Member\",\"username\":\"u" + m.Id + "\",\"status\":\"VERIFIED\",\"createdAt\":\"2026-01-02T03:04:05.000Z\"}}"));
        _server = new RawHttpServer(request =>
        {
            var body = request.Contains("limitedToken", StringComparison.Ordinal)
                ? "{\"data\":{\"limitedToken\":{\"accessToken\":\"a.eyJleHAiOjQxMDI0NDQ4MDB9.c\"}}}"
                : request.Contains("updateMember", StringComparison.Ordinal)
                    ? "{\"data\":null,\"errors\":[{\"message\":\"unexpected\",\"code\":\"100\"}]}"
                    : "{\"data\":{\"members\":{\"edges\":[" + edges + "],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}";
            return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\nConnection: close\r\n\r\n" + body;
        });
    }

    public string ApiUrl => _server.Url.AbsoluteUri;

    public IReadOnlyList<string> Updates => _server.Received.Where(r => r.Contains("updateMember", StringComparison.Ordinal)).ToList();

    public void Dispose() => _server.Dispose();
}
