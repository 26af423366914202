package io.genesis.core.hook;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A command started in a session and process group of its own where {@code setsid} exists (Linux), so
 * that stopping it reaches every process it started, also one forked after a list of its children was
 * taken or left behind by a shell that has ended; elsewhere only its descendants at the time are
 * stopped. Hook commands and the smoke-test command of a {@code tests} metric source start this way.
 */
public final class GroupedProcess {

    /** {@code setsid} on the PATH, if there is one (util-linux on Linux). */
    private static final Optional<Path> SETSID = onPath("setsid");

    private final Process process;
    private final boolean ownGroup;

    private GroupedProcess(Process process, boolean ownGroup) {
        this.process = process;
        this.ownGroup = ownGroup;
    }

    /**
     * Starts {@code builder}'s command (in its own group where possible) with nothing on its standard
     * input; the builder's directory, environment and output redirection are kept.
     */
    public static GroupedProcess start(ProcessBuilder builder) throws IOException {
        boolean ownGroup = SETSID.isPresent();
        List<String> command = new ArrayList<>(builder.command());
        if (ownGroup) {
            command.add(0, SETSID.get().toString());
        }
        Process process = builder.command(command)
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .start();
        return new GroupedProcess(process, ownGroup);
    }

    /** {@code sh -c command}: how a command written as one string runs. */
    public static List<String> shell(String command) {
        return List.of("sh", "-c", command);
    }

    public Process process() {
        return process;
    }

    /** Stops the command and everything it started; returns at once, without waiting for the exit. */
    public void stop() {
        if (ownGroup) {
            killGroup();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** SIGKILL to the whole process group (its id is the first process's pid, as setsid made it). */
    private void killGroup() {
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (IOException e) {
            // No kill command: the descendants are stopped one by one by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, program))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static File nullDevice() {
        return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
