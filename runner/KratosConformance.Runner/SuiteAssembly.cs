using System.Reflection;
using System.Runtime.Loader;
using KratosConformance.Harness.Paths;

namespace KratosConformance.Runner;

/// <summary>
/// Loads the suites assembly from its build output. The CLI does not reference the suites project (nothing depends on
/// suites); it loads them by path, resolving their dependencies (Playwright, FluentAssertions, …) from the suites'
/// own deps.json, so the NUnit framework and the fixtures are shared with the CLI.
/// </summary>
public static class SuiteAssembly
{
    private static readonly Lazy<Assembly> Loaded = new(Load);

    public static Assembly Get() => Loaded.Value;

    public static string Path => System.IO.Path.Combine(
        RepositoryLayout.RequireRoot(), "suites", "KratosConformance.Suites", "bin", BuildConfiguration, "net10.0", "KratosConformance.Suites.dll");

    private static string BuildConfiguration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static Assembly Load()
    {
        var path = Path;
        if (!File.Exists(path))
        {
            throw new SuitesNotBuiltException($"The suites are not built ({path} is missing): run ./kc run (it builds), or 'dotnet build KratosConformance.sln'.");
        }

        var resolver = new AssemblyDependencyResolver(path);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var file = resolver.ResolveAssemblyToPath(name);
            return file is null ? null : context.LoadFromAssemblyPath(file);
        };
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += (_, name) =>
        {
            var file = resolver.ResolveUnmanagedDllToPath(name);
            return file is null ? IntPtr.Zero : System.Runtime.InteropServices.NativeLibrary.Load(file);
        };
        return AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
