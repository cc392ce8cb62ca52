using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>An <see cref="IMeterFactory"/> as a host has one: its meters are scoped to it, so a test sees only its own client's measurements.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> _meters = new();

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    public void Dispose()
    {
        lock (_meters)
        {
            _meters.ForEach(m => m.Dispose());
            _meters.Clear();
        }
    }
}
