using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>A request the client sent: the root field it asks for, its variables and its Authorization header.</summary>
public sealed record SentRequest(string Field, string Query, JsonElement Variables, string? Authorization)
{
    /// <summary>The request's cancellation, for answers that wait.</summary>
    public CancellationToken Cancellation { get; init; }

    public bool IsTokenRequest => Field == "limitedToken";

    public string? Variable(string name) => Variables.ValueKind == JsonValueKind.Object && Variables.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;
}

/// <summary>
/// An HttpMessageHandler that answers each request with a scripted function and records what was sent. Token requests
/// (<c>limitedToken</c>) are answered by <see cref="OnToken"/> (a token that expires in an hour, by default), the rest by <see cref="OnRequest"/>.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();

    public Func<SentRequest, Task<HttpResponseMessage>> OnToken { get; set; } = _ => Task.FromResult(Answers.Token(Clock.Start.AddHours(1)));

    public Func<SentRequest, Task<HttpResponseMessage>> OnRequest { get; set; } = _ => Task.FromResult(Answers.Error("110"));

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    public IReadOnlyList<SentRequest> Operations => _sent.Where(r => !r.IsTokenRequest).ToArray();

    public int TokenRequests => _sent.Count(r => r.IsTokenRequest);

    /// <summary>A handler that answers every operation with the member <c>m1</c>: externalId <c>42</c>, <c>jane@example.com</c>.</summary>
    public static ScriptedHandler FindingJane()
        => new ScriptedHandler().Answer(_ => Answers.MemberAnswer("member", Answers.Member("m1", "42", "jane@example.com")));

    /// <summary>Answers every operation with the given function.</summary>
    public ScriptedHandler Answer(Func<SentRequest, HttpResponseMessage> answer)
    {
        OnRequest = r => Task.FromResult(answer(r));
        return this;
    }

    /// <summary>Answers operations in turn from the list; the last one answers every request after it.</summary>
    public ScriptedHandler AnswerInTurn(params Func<HttpResponseMessage>[] answers)
    {
        var next = 0;
        OnRequest = _ => Task.FromResult(answers[Math.Min(Interlocked.Increment(ref next) - 1, answers.Length - 1)]());
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Method.Should().Be(HttpMethod.Post);
        request.Content!.Headers.ContentType!.MediaType.Should().Be("application/json");
        var body = await request.Content.ReadAsStringAsync(cancellationToken);
        using var json = JsonDocument.Parse(body);
        var query = json.RootElement.GetProperty("query").GetString()!;
        var sent = new SentRequest(RootField(query), query, json.RootElement.GetProperty("variables").Clone(), request.Headers.Authorization?.ToString()) { Cancellation = cancellationToken };
        _sent.Enqueue(sent);
        cancellationToken.ThrowIfCancellationRequested();
        return await (sent.IsTokenRequest ? OnToken(sent) : OnRequest(sent));
    }

    /// <summary>The first field inside the operation's selection, such as <c>updateMember</c>.</summary>
    private static string RootField(string query)
    {
        var open = query.IndexOf('{', StringComparison.Ordinal);
        var rest = query[(open + 1)..].TrimStart();
        return new string(rest.TakeWhile(char.IsLetterOrDigit).ToArray());
    }
}
