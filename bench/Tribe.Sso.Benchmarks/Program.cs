using BenchmarkDotNet.Running;

namespace Tribe.Sso.Benchmarks;

/// <summary>dotnet run -c Release --project bench/Tribe.Sso.Benchmarks -- --filter '*' [--job short]. See docs/benchmarks.md.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
