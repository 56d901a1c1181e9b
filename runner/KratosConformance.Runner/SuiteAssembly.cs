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
    private const string DriverSearchPathVariable = "PLAYWRIGHT_DRIVER_SEARCH_PATH";

    private static readonly Lazy<Assembly> Loaded = new(Load);

    public static Assembly Get() => Loaded.Value;

    /// <summary>The suites' build output in a clone; in the installed tool, the copy its package carries (kc-content/suites/).</summary>
    public static string Path => RepositoryLayout.IsPackaged
        ? System.IO.Path.Combine(RepositoryLayout.ContentRoot, "suites", "KratosConformance.Suites.dll")
        : System.IO.Path.Combine(RepositoryLayout.RequireRoot(), "suites", "KratosConformance.Suites", "bin", BuildConfiguration, "net10.0", "KratosConformance.Suites.dll");

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

        // Playwright looks for its driver (.playwright/) beside the host's entry point; the installed tool's host is kc
        // in the tool's folder while the driver came with the suites: point Playwright there unless the user did.
        if (RepositoryLayout.IsPackaged && Environment.GetEnvironmentVariable(DriverSearchPathVariable) is null)
        {
            Environment.SetEnvironmentVariable(DriverSearchPathVariable, System.IO.Path.GetDirectoryName(path));
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
