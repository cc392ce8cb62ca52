using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Transport;

/// <summary>
/// The community's answers are untrusted input: whatever body and status arrive, every call returns a result or throws a
/// <see cref="TribeMembersException"/> (never a NullReferenceException or JsonException), and no message shows the secret or a token.
/// </summary>
public class ResponseFuzzTests
{
    private static readonly string[] Names =
    {
        "data", "errors", "member", "members", "updateMember", "deleteMember", "limitedToken", "accessToken", "id", "externalId", "email",
        "name", "status", "username", "createdAt", "edges", "node", "nodes", "pageInfo", "hasNextPage", "endCursor", "code", "extensions",
        "message", "field", "",
    };

    private static readonly string[] Scalars =
    {
        "\"m1\"", "\"42\"", "\"jane@example.com\"", "\"JANE@EXAMPLE.COM\"", "\"VERIFIED\"", "\"DELETED\"", "\"succeeded\"", "\"failed\"", "\"108\"",
        "\"110\"", "\"104\"", "\"102\"", "\"100\"", "\"\"", "\"\\ud800\"", "\"\\u0000\"", "\"2026-01-02T03:04:05Z\"", "\"not a date\"", "\"c1\"",
        "0", "-1", "110", "1e400", "1.5", "true", "false", "null", "\"a.eyJleHAiOjF9.c\"",
    };

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Gen.OneOf(Scalars)
        : Gen.Frequency(
            (5, Gen.OneOf(Scalars)),
            (1, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Gen.OneOf(Names), inner).Array[0, 5].Select(members => "{" + string.Join(",", members.Select(m => "\"" + m.Item1 + "\":" + m.Item2)) + "}"))));

    /// <summary>Answers shaped like GraphQL ones, then sometimes cut, padded or replaced by garbage.</summary>
    private static readonly Gen<string> Body = Gen.Frequency(
        (6, Gen.Select(Value, Value, Gen.Bool).Select(t => t.Item3 ? "{\"data\":" + t.Item1 + ",\"errors\":" + t.Item2 + "}" : "{\"data\":" + t.Item1 + "}")),
        (2, Value),
        (1, Gen.Select(Value, Gen.Int[0, 100]).Select(t => t.Item1[..Math.Min(t.Item2, t.Item1.Length)])),
        (1, Gen.Char.Array[0, 40].Select(c => new string(c))),
        (1, Gen.Int[1, 2000].Select(n => new string('[', n) + new string(']', n))));

    private static readonly Gen<HttpStatusCode> Status = Gen.OneOf(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.InternalServerError, HttpStatusCode.TooManyRequests);

    [Test]
    public void AnyAnswerToAnyOperation_GivesAResultOrATypedException()
    {
        Fuzz.Run(Gen.Select(Body, Status, Gen.Int[0, 4]), input =>
        {
            var (body, status, operation) = input;
            var handler = new ScriptedHandler().Answer(_ => Answers.Json(body, status));
            var time = Clock.New();
            var members = Clients.WithToken(handler, time, maxAttempts: 1);
            Check(time, handler, operation switch
            {
                0 => members.FindByExternalIdAsync("42"),
                1 => members.FindByEmailAsync("jane@example.com"),
                2 => members.UpdateAsync("m1", new TribeMemberChanges { ExternalId = "42" }),
                3 => members.DeleteAsync("m1"),
                _ => members.ResolveConflictAsync(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build()),
            });
        }, ciDefault: 600, show: i => i.Item2 + " op " + i.Item3 + ": " + i.Item1);
    }

    [Test]
    public void AnyAnswerToTheTokenRequest_GivesATypedException()
    {
        Fuzz.Run(Gen.Select(Body, Status), input =>
        {
            var handler = ScriptedHandler.FindingJane();
            handler.OnToken = _ => Task.FromResult(Answers.Json(input.Item1, input.Item2));
            var time = Clock.New();
            var members = Clients.App(handler, time, o => o.MaxAttempts = 1);
            Check(time, handler, members.FindByExternalIdAsync("42"));
        }, ciDefault: 400, show: i => i.Item2 + ": " + i.Item1);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task AnswerOverFourMebibytes_IsNotRead(bool declaresLength)
    {
        var huge = "{\"data\":{\"member\":{\"id\":\"" + new string('x', 5 * 1024 * 1024) + "\"}}}";
        var handler = new ScriptedHandler().Answer(_ =>
        {
            var content = declaresLength ? (HttpContent)new StringContent(huge, Encoding.UTF8, "application/json") : new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(huge)));
            if (!declaresLength)
            {
                content.Headers.ContentLength = null;
            }

            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });
        var members = Clients.WithToken(handler, Clock.New());

        var act = () => members.FindByExternalIdAsync("42");

        (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which.Message.Should().Contain("larger than 4 MiB");
    }

    private static void Check(Microsoft.Extensions.Time.Testing.FakeTimeProvider time, ScriptedHandler handler, Task call)
    {
        try
        {
            // Retry delays run on the fake clock: drive it.
            time.Drive(call).GetAwaiter().GetResult();
        }
        catch (TribeMembersException e)
        {
            Errors.ErrorCodeTests.AssertNothingSecret(e, handler);
        }
    }
}
