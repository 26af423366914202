package io.genesis.docker.proxy;

import io.genesis.core.target.TargetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The HAProxy process Genesis owns for one application in one environment, and its runtime API.
 *
 * <p>Its directory holds {@code haproxy.cfg} (written by Genesis), {@code admin.sock} (the runtime API),
 * {@code haproxy.pid} and {@code haproxy.log}. The proxy runs as a daemon, so it outlives the genesis
 * process that started it: users keep being served after a deploying process dies, and the next genesis
 * process finds the proxy through its socket. Servers are added, weighted and removed at run time
 * ({@code add server}, {@code set server … weight}, {@code del server}); HAProxy applies a weight to the
 * very next request and never cuts a connection over it, so a switch drops nothing. After every change
 * the configuration file is rewritten from what the proxy reports, so a proxy started again (after a
 * reboot) comes back with the weights in force.
 */
public final class Haproxy {

    private static final Duration START = Duration.ofSeconds(10);
    private static final Duration CALL = Duration.ofSeconds(5);

    private final Path directory;
    private final String binary;

    /**
     * @param directory the proxy's own directory (created when missing)
     * @param binary the haproxy command, {@code haproxy} from Debian's package by default
     */
    public Haproxy(Path directory, String binary) {
        this.directory = directory.toAbsolutePath();
        this.binary = binary;
        if (socket().toString().length() > 100) {
            throw new IllegalArgumentException("proxy directory " + this.directory + " is too long for a unix socket"
                    + " path (at most about 90 characters); choose a shorter proxyDir");
        }
    }

    public Path directory() {
        return directory;
    }

    public Path configFile() {
        return directory.resolve("haproxy.cfg");
    }

    Path socket() {
        return directory.resolve("admin.sock");
    }

    private Path pidFile() {
        return directory.resolve("haproxy.pid");
    }

    /** The configuration on disk, if Genesis wrote one. */
    public Optional<HaproxyConfig> config() {
        if (!Files.isRegularFile(configFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(HaproxyConfig.parse(
                    Files.readString(configFile()), configFile().toString()));
        } catch (IOException e) {
            throw new TargetException("cannot read " + configFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts the proxy on 127.0.0.1:{@code port} unless it answers already; a new proxy starts from its
     * configuration file. Genesis processes on this host take a file lock first, so two never start it twice.
     */
    public void ensureRunning(int port) {
        if (answers()) {
            return;
        }
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(
                            directory.resolve("proxy.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (answers()) {
                    return;
                }
                HaproxyConfig config = config().orElse(HaproxyConfig.empty(port));
                if (config.port() != port) {
                    throw new TargetException("the proxy of " + directory.getFileName() + " is configured on port "
                            + config.port() + ", not " + port + " (" + configFile()
                            + "); use proxyPort " + config.port() + " or remove that file while the proxy is stopped");
                }
                requireFree(port);
                write(config);
                Files.deleteIfExists(socket());
                run(List.of(binary, "-c", "-q", "-f", configFile().toString()), "check the proxy configuration");
                run(List.of(binary, "-D", "-f", configFile().toString()), "start the proxy");
                long deadline = System.nanoTime() + START.toNanos();
                while (!answers()) {
                    if (System.nanoTime() > deadline) {
                        throw new TargetException(
                                "the proxy started from " + configFile() + " does not answer on " + socket() + " after "
                                        + START.toSeconds() + " s; see " + directory.resolve("haproxy.log"));
                    }
                    Thread.sleep(20);
                }
            }
        } catch (IOException e) {
            throw new TargetException("cannot start the proxy in " + directory + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while starting the proxy in " + directory, e);
        }
    }

    /**
     * HAProxy binds with {@code SO_REUSEPORT}, so a second proxy on a port another one holds would start and
     * silently share its users' requests; a plain bind first tells the two apart.
     */
    private void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new TargetException("port " + port + " on 127.0.0.1 is taken by another process (another"
                    + " application's proxy?), so the proxy in " + directory + " cannot take it; choose another"
                    + " proxyPort, or stop what listens there");
        }
    }

    /** Whether the proxy's runtime API answers. */
    public boolean answers() {
        if (!Files.exists(socket())) {
            return false;
        }
        try {
            command("show info");
            return true;
        } catch (TargetException e) {
            return false;
        }
    }

    /** The servers of the running proxy with the weights in force, by name. */
    public Map<String, ProxyServer> servers() {
        Map<String, ProxyServer> servers = new LinkedHashMap<>();
        for (String line :
                command("show servers state " + HaproxyConfig.BACKEND).split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length < 19 || line.startsWith("#")) {
                continue;
            }
            boolean maintenance = (Integer.parseInt(f[6]) & 0x01) != 0;
            servers.put(f[3], new ProxyServer(f[3], Integer.parseInt(f[18]), maintenance ? 0 : Integer.parseInt(f[7])));
        }
        return servers;
    }

    /** Adds {@code server} (at its weight) unless the proxy has it; then rewrites the configuration file. */
    public void add(ProxyServer server) {
        if (!servers().containsKey(server.name())) {
            String name = HaproxyConfig.BACKEND + "/" + server.name();
            expectQuiet(
                    command("add server " + name + " 127.0.0.1:" + server.port() + " weight " + server.weight()),
                    "New server registered",
                    "add server " + server.name());
            command("enable server " + name);
        }
        persist();
    }

    /**
     * Sets the weights of the named servers in one exchange with the proxy, so that they take effect
     * together for the next request; then rewrites the configuration file.
     */
    public void setWeights(Map<String, Integer> weights) {
        if (weights.isEmpty()) {
            return;
        }
        List<String> commands = new ArrayList<>();
        weights.forEach((name, weight) -> {
            new ProxyServer(name, 1, weight);
            commands.add("set server " + HaproxyConfig.BACKEND + "/" + name + " weight " + weight);
        });
        String answer = command(String.join(";", commands));
        if (answer.contains("No such server") || answer.contains("No such backend")) {
            throw new TargetException("the proxy in " + directory + " refused a weight change: " + answer.trim());
        }
        persist();
    }

    /**
     * Takes the server out of rotation, waits up to {@code drain} for its requests in flight, and
     * removes it; a server the proxy does not have is fine. Rewrites the configuration file.
     */
    public void remove(String name, Duration drain) {
        if (servers().containsKey(name)) {
            String server = HaproxyConfig.BACKEND + "/" + name;
            command("set server " + server + " state maint");
            long deadline = System.nanoTime() + drain.toNanos();
            while (true) {
                String answer = command("del server " + server);
                if (answer.contains("Server deleted") || answer.contains("No such server")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new TargetException("the proxy in " + directory + " still has requests in flight on " + name
                            + " after " + drain.toSeconds() + " s: " + answer.trim());
                }
                pause();
            }
        }
        persist();
    }

    /** The running totals of every server, by name. */
    public Map<String, ServerCounters> counters() {
        String[] lines = command("show stat").split("\n");
        if (lines.length == 0 || !lines[0].startsWith("# ")) {
            throw new TargetException("the proxy in " + directory + " answered 'show stat' with no header");
        }
        List<String> header = List.of(lines[0].substring(2).split(","));
        int pxname = header.indexOf("pxname");
        int svname = header.indexOf("svname");
        int econ = header.indexOf("econ");
        int eresp = header.indexOf("eresp");
        List<Integer> classes = List.of(
                header.indexOf("hrsp_1xx"),
                header.indexOf("hrsp_2xx"),
                header.indexOf("hrsp_3xx"),
                header.indexOf("hrsp_4xx"),
                header.indexOf("hrsp_5xx"),
                header.indexOf("hrsp_other"));
        int fifth = header.indexOf("hrsp_5xx");
        Map<String, ServerCounters> counters = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < header.size()
                    || !HaproxyConfig.BACKEND.equals(f[pxname])
                    || f[svname].equals("BACKEND")
                    || f[svname].equals("FRONTEND")) {
                continue;
            }
            long answered = 0;
            for (int column : classes) {
                answered += number(f[column]);
            }
            counters.put(f[svname], new ServerCounters(answered, number(f[fifth]), number(f[econ]) + number(f[eresp])));
        }
        return counters;
    }

    /** Stops the proxy (tests and clean-up; deployments never stop it). */
    public void stop() {
        try {
            if (Files.isRegularFile(pidFile())) {
                long pid = Long.parseLong(Files.readString(pidFile()).trim());
                ProcessHandle.of(pid).ifPresent(process -> {
                    process.destroy();
                    process.onExit()
                            .orTimeout(5, TimeUnit.SECONDS)
                            .exceptionally(e -> {
                                process.destroyForcibly();
                                return process;
                            })
                            .join();
                });
            }
        } catch (IOException | NumberFormatException e) {
            throw new TargetException("cannot stop the proxy in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites the configuration file from the servers the proxy reports. */
    private void persist() {
        HaproxyConfig current = config().orElseThrow(() -> new TargetException(configFile() + " disappeared"));
        write(new HaproxyConfig(current.port(), servers()));
    }

    private void write(HaproxyConfig config) {
        try {
            Files.createDirectories(directory);
            Path temporary = directory.resolve("haproxy.cfg.tmp");
            Files.writeString(
                    temporary, config.render(socket().toString(), pidFile().toString()));
            try {
                Files.move(
                        temporary, configFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, configFile(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new TargetException("cannot write " + configFile() + ": " + e.getMessage(), e);
        }
    }

    /** Sends one line of commands (several separated by ';') to the runtime API and returns the answer. */
    String command(String line) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket()));
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            StringBuilder answer = new StringBuilder();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long deadline = System.nanoTime() + CALL.toNanos();
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
                if (System.nanoTime() > deadline) {
                    throw new TargetException("the proxy in " + directory + " took over " + CALL.toSeconds()
                            + " s to answer '" + line + "'");
                }
            }
            return answer.toString();
        } catch (IOException e) {
            throw new TargetException(
                    "the proxy in " + directory + " does not answer on " + socket() + " (" + e.getMessage() + ")", e);
        }
    }

    private void run(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve("haproxy.log").toFile()))
                .start();
        if (!process.waitFor(START.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new TargetException("cannot " + what + ": '" + String.join(" ", command) + "' did not finish in "
                    + START.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new TargetException("cannot " + what + ": '" + String.join(" ", command) + "' exited with "
                    + process.exitValue() + "; see " + directory.resolve("haproxy.log")
                    + " (is Debian's haproxy installed? apt-get install haproxy)");
        }
    }

    private void expectQuiet(String answer, String expected, String what) {
        if (!answer.contains(expected)) {
            throw new TargetException("the proxy in " + directory + " refused to " + what + ": " + answer.trim());
        }
    }

    private static long number(String text) {
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetException("interrupted while draining a proxy server", e);
        }
    }
}
