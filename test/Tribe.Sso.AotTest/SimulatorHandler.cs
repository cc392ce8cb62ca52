using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AotTest;

/// <summary>An <see cref="HttpClient"/> handler that answers every request with the simulated community, in process.</summary>
internal sealed class SimulatorHandler(TribeCommunitySimulator simulator) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var answer = simulator.Handle(new TribeCommunitySimulatorRequest(request.Method.Method, request.RequestUri!.PathAndQuery)
        {
            Host = request.RequestUri.Authority,
            Body = body,
            Authorization = request.Headers.Authorization?.ToString(),
            ContentType = request.Content?.Headers.ContentType?.ToString(),
        });
        var response = new HttpResponseMessage((HttpStatusCode)answer.StatusCode) { RequestMessage = request };
        var contentType = answer.GetHeader("Content-Type") ?? "text/plain";
        response.Content = new StringContent(answer.Body, Encoding.UTF8);
        response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in answer.Headers.Where(h => h.Key != "Content-Type"))
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}
