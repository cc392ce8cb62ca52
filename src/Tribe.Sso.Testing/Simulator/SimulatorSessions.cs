using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;

namespace Tribe.Sso.Testing;

/// <summary>
/// The community's sessions: a random cookie value for each member signed in through SSO. Like the sign-in log, it
/// keeps the last <see cref="MaxSessions"/>, so a long-running simulator does not grow without bound. Thread-safe.
/// </summary>
internal sealed class SimulatorSessions
{
    /// <summary>How many sessions are kept: the newest 1,000; signing in once more ends the oldest.</summary>
    public const int MaxSessions = 1000;

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedListNode<(string Id, Session Session)>> _sessions = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Id, Session Session)> _oldestFirst = new();

    public string Start(string memberId, TribeSsoSignInOutcome outcome)
    {
        var bytes = new byte[16];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        var id = string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        lock (_gate)
        {
            _sessions[id] = _oldestFirst.AddLast((id, new Session(memberId, outcome)));
            if (_sessions.Count > MaxSessions)
            {
                _sessions.Remove(_oldestFirst.First!.Value.Id);
                _oldestFirst.RemoveFirst();
            }
        }

        return id;
    }

    public Session? Find(string? id)
    {
        lock (_gate)
        {
            return id is not null && _sessions.TryGetValue(id, out var node) ? node.Value.Session : null;
        }
    }

    public void End(string? id)
    {
        lock (_gate)
        {
            if (id is not null && _sessions.TryGetValue(id, out var node))
            {
                _sessions.Remove(id);
                _oldestFirst.Remove(node);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sessions.Clear();
            _oldestFirst.Clear();
        }
    }

    /// <summary>One member's session, and how their SSO sign-in went.</summary>
    internal sealed class Session
    {
        public Session(string memberId, TribeSsoSignInOutcome outcome)
        {
            MemberId = memberId;
            Outcome = outcome;
        }

        public string MemberId { get; }

        public TribeSsoSignInOutcome Outcome { get; }
    }
}
