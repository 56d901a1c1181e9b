using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using KratosConformance.Client.Waiting;

namespace KratosConformance.Cli.Running;

/// <summary>
/// A second dockerd for the remote-docker part of ./kc test: the engine a runner reaches over DOCKER_HOST=tcp://…,
/// here on 127.0.0.1 with a port the OS picked. Everything it owns is under one short temporary folder (data root,
/// exec root with its containerd, pidfile, its own unix socket), so it never meets the machine's engine: a default
/// bridge of its own (an interface this class creates and deletes; NOT --bridge=none, with which dockerd deletes the
/// interface docker0 at start, the machine engine's default bridge), no iptables or masquerading (both engines would
/// rewrite the same chains; published ports go through docker-proxy on 127.0.0.1), and its networks come from a pool
/// of its own (<see cref="AddressPool"/>). The machine's engine sets the FORWARD policy to DROP and bridged
/// traffic passes iptables (br_netfilter), which would drop the traffic between this engine's containers: one ACCEPT
/// rule for its own pool, source and destination, goes into DOCKER-USER (the chain Docker leaves to users) while it
/// runs, and out again at the end. Disposing stops it by the PID this process started (SIGTERM, then SIGKILL at the deadline) and
/// removes the folder, also after a failure.
/// </summary>
public sealed class SecondDockerEngine : IDisposable
{
    /// <summary>The engine's networks come from here; nothing else on the machine uses it.</summary>
    public const string AddressPool = "10.213.0.0/16";

    /// <summary>The address of its default bridge (inside <see cref="AddressPool"/>).</summary>
    private const string BridgeAddress = "10.213.255.1/24";

    private readonly Process _process;
    private readonly Deadline _stop;
    private string[]? _forwardRule;

    private SecondDockerEngine(Process process, string folder, string bridge, int port, Deadline stop)
    {
        _process = process;
        Folder = folder;
        Bridge = bridge;
        Host = $"tcp://127.0.0.1:{port}";
        _stop = stop;
    }

    /// <summary>DOCKER_HOST for this engine.</summary>
    public string Host { get; }

    public string Folder { get; }

    /// <summary>The default bridge's interface, created for this engine (kcd + 8 hex digits).</summary>
    public string Bridge { get; }

    public int Pid => _process.Id;

    public string LogFile => Path.Combine(Folder, "dockerd.log");

    /// <summary>Starts dockerd and waits until it answers `docker version` over TCP, within <paramref name="ready"/>.</summary>
    public static SecondDockerEngine Start(Deadline ready, Deadline stop, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ready);
        // Short: containerd's socket under the exec root must fit a unix socket path (108 bytes).
        var id = Guid.NewGuid().ToString("N")[..8];
        var folder = Path.Combine(Path.GetTempPath(), "kcd-" + id);
        Directory.CreateDirectory(folder);
        var bridge = "kcd" + id;
        string[][] steps = [["link", "add", bridge, "type", "bridge"], ["addr", "add", BridgeAddress, "dev", bridge], ["link", "set", bridge, "up"]];
        foreach (var step in steps)
        {
            var made = ChildProcess.Run("ip", step, folder, stop, cancellationToken: CancellationToken.None);
            if (made.ExitCode != 0)
            {
                ChildProcess.Run("ip", ["link", "del", bridge], folder, stop, cancellationToken: CancellationToken.None);
                Directory.Delete(folder, recursive: true);
                throw new InvalidOperationException($"the second dockerd's own bridge {bridge} could not be made (ip {string.Join(' ', step)}): {made.Tail()}");
            }
        }

        var port = FreePort();
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, WorkingDirectory = folder };
        // exec: the PID started is dockerd's own, which is what is stopped later.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("exec \"$@\" >dockerd.log 2>&1");
        foreach (var arg in new[]
        {
            "dockerd", "dockerd",
            "--host", $"tcp://127.0.0.1:{port}", "--host", $"unix://{folder}/docker.sock",
            "--data-root", Path.Combine(folder, "data"), "--exec-root", Path.Combine(folder, "exec"), "--pidfile", Path.Combine(folder, "docker.pid"),
            "--bridge", bridge, "--iptables=false", "--ip-masq=false", "--ip=127.0.0.1",
            "--default-address-pool", $"base={AddressPool},size=24",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var engine = new SecondDockerEngine(Process.Start(start)!, folder, bridge, port, stop);
        try
        {
            Poll.UntilAsync(
                async ct => engine._process.HasExited ? -1 : (await Task.Run(() => ChildProcess.Run("docker", ["-H", engine.Host, "version", "--format", "{{.Server.Version}}"], folder, ready, cancellationToken: ct), ct).ConfigureAwait(false)).ExitCode,
                code => code is 0 or -1,
                new PollOptions("the second dockerd to answer on " + engine.Host, ready) { Interval = TimeSpan.FromMilliseconds(200) },
                cancellationToken).GetAwaiter().GetResult();
            if (engine._process.HasExited)
            {
                throw new InvalidOperationException($"the second dockerd exited at start (exit {engine._process.ExitCode}): {Tail(engine.LogFile)}");
            }

            engine.AllowOwnBridgeTraffic();
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (_forwardRule is { } rule)
            {
                ChildProcess.Run("iptables", ["-D", .. rule], Folder, _stop);
            }

            if (!_process.HasExited)
            {
                ChildProcess.Run("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], Folder, _stop);
                if (!_process.WaitForExit(_stop.Limit))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
            }
        }
        finally
        {
            _process.Dispose();
            ChildProcess.Run("ip", ["link", "del", Bridge], Path.GetTempPath(), _stop);
            RemoveFolder();
        }
    }

    /// <summary>With the machine's engine's DOCKER-USER chain present, lets this engine's own pool talk to itself (see the class).</summary>
    private void AllowOwnBridgeTraffic()
    {
        if (ChildProcess.Run("iptables", ["-S", "DOCKER-USER"], Folder, _stop).ExitCode != 0)
        {
            return;
        }

        string[] rule = ["DOCKER-USER", "-s", AddressPool, "-d", AddressPool, "-m", "comment", "--comment", $"kc remote-docker test, pid {Environment.ProcessId}", "-j", "ACCEPT"];
        var insert = ChildProcess.Run("iptables", ["-I", .. rule], Folder, _stop);
        if (insert.ExitCode != 0)
        {
            throw new InvalidOperationException($"the second dockerd's containers can not reach each other (FORWARD drops bridged traffic) and the ACCEPT rule for {AddressPool} could not be added: {insert.Tail()}");
        }

        _forwardRule = rule;
    }

    /// <summary>The last lines of the engine's log, for a failure message.</summary>
    public static string Tail(string file) =>
        File.Exists(file) ? string.Join('\n', File.ReadLines(file).TakeLast(5)) : "(no log)";

    private void RemoveFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A mount the engine left (it was killed) keeps a file busy: rm -rf after the kernel let go is the fallback.
            ChildProcess.Run("rm", ["-rf", Folder], Path.GetTempPath(), _stop);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
