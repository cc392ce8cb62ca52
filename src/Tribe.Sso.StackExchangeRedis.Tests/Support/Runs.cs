using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>What every instance's handler did, shared by all the instances of one test: runs per event id.</summary>
internal sealed class Runs
{
    public ConcurrentDictionary<string, int> Completed { get; } = new();

    public ConcurrentDictionary<string, int> Started { get; } = new();

    public int CompletedOf(string eventId) => Completed.GetValueOrDefault(eventId);

    public int StartedOf(string eventId) => Started.GetValueOrDefault(eventId);
}

/// <summary>What one instance's handler is told to do: wait at a gate (a slow handler) or throw (its database is down).</summary>
internal sealed class InstanceBehaviour
{
    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FailuresLeft;
}

/// <summary>Counts each run in the shared <see cref="Runs"/>, after doing what its instance is told.</summary>
internal sealed class CountingHandler(Runs runs, InstanceBehaviour behaviour) : TribeWebhookHandler
{
    public override async Task OnMemberUpdatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken)
    {
        runs.Started.AddOrUpdate(memberEvent.Id, 1, (_, n) => n + 1);
        behaviour.Entered.TrySetResult();
        if (behaviour.Gate is { } gate)
        {
            await gate.Task;
        }

        if (Interlocked.Decrement(ref behaviour.FailuresLeft) >= 0)
        {
            throw new System.InvalidOperationException("the partner's database is down");
        }

        runs.Completed.AddOrUpdate(memberEvent.Id, 1, (_, n) => n + 1);
    }
}
