using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>The fake clock the tests run on, and a way to let retry delays pass without sleeping.</summary>
public static class Clock
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);

    /// <summary>Advances the fake clock in small steps until <paramref name="task"/> completes (at most a simulated hour).</summary>
    public static async Task<T> Drive<T>(this FakeTimeProvider time, Task<T> task)
    {
        await DriveCore(time, task);
        return await task;
    }

    public static async Task Drive(this FakeTimeProvider time, Task task)
    {
        await DriveCore(time, task);
        await task;
    }

    private static async Task DriveCore(FakeTimeProvider time, Task task)
    {
        var until = time.GetUtcNow().AddHours(1);
        while (!task.IsCompleted && time.GetUtcNow() < until)
        {
            // Let the client's continuations run before time moves on: they resume on the thread pool (ConfigureAwait(false)),
            // so yielding alone can move the clock before a retry has armed its delay, and the delay then looks longer.
            for (var i = 0; i < 20 && !task.IsCompleted; i++)
            {
                await Task.Yield();
            }

            await Task.Delay(1);

            time.Advance(TimeSpan.FromMilliseconds(250));
        }
    }
}
