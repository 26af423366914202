package io.genesis.sandbox.sample;

import io.genesis.core.policy.Percentage;
import io.genesis.sandbox.slot.CommandTemplate;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs the {@link SampleService} as its own program, so the sandbox can start versions as child processes:
 * {@code SampleServiceMain --port 8080 --version 2.0.0 [--failure-percent 20] [--latency-ms 50]
 * [--unhealthy] [--shutdown-delay-ms 0]}. It runs until it is terminated. {@code --shutdown-delay-ms}
 * makes it slow to stop, to exercise the forced stop.
 */
public final class SampleServiceMain {

    private SampleServiceMain() {}

    /** Starts the service and waits until the process is asked to end. */
    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
            err.println(e.getMessage());
            err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        SampleService service = SampleService.start(options.version(), options.port(), options.faults());
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stopSlowly(service, options.shutdownDelay()), "sample-shutdown"));
        out.println("sample service " + options.version() + " listening on " + service.baseUri());
        service.join();
    }

    /**
     * A template that starts this program with the classpath of the running JVM, for {@code {version}} on
     * {@code {port}}, with {@code extraArguments} (such as {@code --failure-percent 20}) appended.
     */
    public static CommandTemplate commandTemplate(String... extraArguments) {
        List<String> arguments = new ArrayList<>();
        arguments.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small heap and fast start: a sample version needs little.
        arguments.add("-Xmx64m");
        arguments.add("-XX:TieredStopAtLevel=1");
        arguments.add("-cp");
        arguments.add(exactClassPath(System.getProperty("java.class.path", "")));
        arguments.add(SampleServiceMain.class.getName());
        arguments.add("--port");
        arguments.add(CommandTemplate.PORT);
        arguments.add("--version");
        arguments.add(CommandTemplate.VERSION);
        arguments.addAll(List.of(extraArguments));
        return new CommandTemplate(arguments);
    }

    /** {@code classPath} without empty entries, which would put the child's working directory on it. */
    static String exactClassPath(String classPath) {
        return Arrays.stream(classPath.split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static void stopSlowly(SampleService service, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        service.stop();
    }

    /** The parsed command line. */
    record Options(int port, String version, FaultProfile faults, Duration shutdownDelay) {

        static final String USAGE = "usage: SampleServiceMain --port <port> --version <version>"
                + " [--failure-percent <0..100>] [--latency-ms <ms>] [--unhealthy] [--shutdown-delay-ms <ms>]";

        static Options parse(String... args) {
            Integer port = null;
            String version = null;
            double failurePercent = 0;
            long latencyMillis = 0;
            boolean healthy = true;
            long shutdownDelayMillis = 0;
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                switch (name) {
                    case "--port" -> port = parseInt(name, value(args, ++i, name));
                    case "--version" -> version = value(args, ++i, name);
                    case "--failure-percent" -> failurePercent = parseDouble(name, value(args, ++i, name));
                    case "--latency-ms" -> latencyMillis = parseInt(name, value(args, ++i, name));
                    case "--unhealthy" -> healthy = false;
                    case "--shutdown-delay-ms" -> shutdownDelayMillis = parseInt(name, value(args, ++i, name));
                    default -> throw new IllegalArgumentException("unknown option '" + name + "'");
                }
            }
            if (port == null || version == null) {
                throw new IllegalArgumentException("--port and --version are required");
            }
            if (latencyMillis < 0 || shutdownDelayMillis < 0) {
                throw new IllegalArgumentException("--latency-ms and --shutdown-delay-ms must not be negative");
            }
            FaultProfile faults = new FaultProfile(
                    Percentage.of("--failure-percent", failurePercent), Duration.ofMillis(latencyMillis), healthy);
            return new Options(port, version, faults, Duration.ofMillis(shutdownDelayMillis));
        }

        private static String value(String[] args, int index, String name) {
            if (index >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[index];
        }

        private static int parseInt(String name, String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + text + "'", e);
            }
        }

        private static double parseDouble(String name, String text) {
            try {
                return Double.parseDouble(text.trim().toLowerCase(Locale.ROOT));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a number, got '" + text + "'", e);
            }
        }
    }
}
