using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;

namespace Tribe.Sso.Testing;

/// <summary>The community's sessions: a random cookie value for each member signed in through SSO. Thread-safe.</summary>
internal sealed class SimulatorSessions
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);

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
            _sessions[id] = new Session(memberId, outcome);
        }

        return id;
    }

    public Session? Find(string? id)
    {
        lock (_gate)
        {
            return id is not null && _sessions.TryGetValue(id, out var session) ? session : null;
        }
    }

    public void End(string? id)
    {
        lock (_gate)
        {
            if (id is not null)
            {
                _sessions.Remove(id);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _sessions.Clear();
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
