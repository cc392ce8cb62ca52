using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The problem-details answer every endpoint writes, byte for byte, and the instruments of the meter.</summary>
public class ProblemResponseTests
{
    [TestCase(400, "https://tools.ietf.org/html/rfc9110#section-15.5.1")]
    [TestCase(401, "https://tools.ietf.org/html/rfc9110#section-15.5.2")]
    [TestCase(403, "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    [TestCase(404, "https://tools.ietf.org/html/rfc9110#section-15.5.5")]
    [TestCase(413, "https://tools.ietf.org/html/rfc9110#section-15.5.14")]
    [TestCase(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1")]
    [TestCase(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4")]
    public async Task Write_NamesTheRfc9110SectionOfTheStatus(int status, string type)
    {
        var (context, body) = await WriteAsync(status, "Title \"x\"", "Détail <b>");

        context.Response.StatusCode.Should().Be(status);
        context.Response.ContentType.Should().Be("application/problem+json");
        context.Response.Headers.CacheControl.ToString().Should().Be("no-store");
        body.Should().Be("{\"type\":\"" + type + "\",\"title\":\"Title \\u0022x\\u0022\",\"status\":" + status + ",\"detail\":\"D\\u00E9tail \\u003Cb\\u003E\"}");
    }

    [Test]
    public async Task Write_WithoutAKnownSection_LeavesTypeOut()
    {
        var (_, body) = await WriteAsync(409, "Conflict", "Try again.");

        body.Should().Be("{\"title\":\"Conflict\",\"status\":409,\"detail\":\"Try again.\"}");
    }

    [Test]
    public void Meter_InstrumentsHaveTheDocumentedUnitsAndDescriptions()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var published = new System.Collections.Generic.List<Instrument>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, _) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                published.Add(instrument);
            }
        };
        listener.Start();

        _ = new TribeSsoMetrics(factory);

        published.Select(i => (i.Meter.Name, i.Name, i.Unit, i.Description)).Should().BeEquivalentTo(new[]
        {
            (TribeSsoTelemetry.MeterName, "tribe.sso.links.issued", "{link}", "SSO links issued to signed-in users by the sign-in endpoints."),
            (TribeSsoTelemetry.MeterName, "tribe.sso.requests.refused", "{request}", "Sign-in requests answered with an error instead of a link, by reason."),
            (TribeSsoTelemetry.MeterName, "tribe.sso.logouts", "{request}", "Requests to the Logout URL endpoint, by outcome."),
            (TribeSsoTelemetry.MeterName, "tribe.sso.settings.reloads", "{reload}", "Changed community settings seen on a configuration reload: applied or refused."),
        });
    }

    [TestCase("", "default")]
    [TestCase("acme", "acme")]
    public void CommunityTag_OfTheDefaultCommunityIsDefault(string registrationName, string tag)
        => TribeSsoMetrics.CommunityTagOf(registrationName).Should().Be(tag);

    private static async Task<(HttpContext Context, string Body)> WriteAsync(int status, string title, string detail)
    {
        var context = new DefaultHttpContext();
        using var stream = new MemoryStream();
        context.Response.Body = stream;

        await ProblemResponse.Write(context, status, title, detail);

        return (context, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
