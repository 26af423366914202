package io.genesis.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name a command's engine stores with every rollout it runs: {@code genesis@<host>#<pid>.<nonce>}.
 * The process id lets another command on the same machine tell at once whether that engine's process
 * still runs, instead of waiting for its lease to expire; the nonce keeps two engines of one process apart.
 *
 * @param name the stored name
 */
record EngineOwner(String name) {

    private static final Pattern FORMAT = Pattern.compile("genesis@(.+)#(\\d+)\\.[0-9a-f]+");

    private static final SecureRandom NONCES = new SecureRandom();

    /** Looked up once: a slow resolver must not slow every liveness check down. */
    private static final String HOST = lookUpHost();

    /** A fresh owner for an engine of this process. */
    static EngineOwner ofThisProcess() {
        byte[] nonce = new byte[3];
        NONCES.nextBytes(nonce);
        return new EngineOwner("genesis@" + HOST + "#" + ProcessHandle.current().pid() + "."
                + HexFormat.of().formatHex(nonce));
    }

    /** The process id, if the name was made by {@link #ofThisProcess()}. */
    OptionalLong pid() {
        Matcher matcher = FORMAT.matcher(name);
        return matcher.matches() ? OptionalLong.of(Long.parseLong(matcher.group(2))) : OptionalLong.empty();
    }

    private Optional<String> host() {
        Matcher matcher = FORMAT.matcher(name);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * Whether the owner's process has certainly ended: it ran on this machine and no process with its
     * id is alive. Unknown (another machine, another naming) counts as not ended.
     */
    boolean certainlyEnded() {
        OptionalLong pid = pid();
        if (pid.isEmpty() || !host().map(HOST::equals).orElse(false)) {
            return false;
        }
        return ProcessHandle.of(pid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }

    /** Whether the owner is an engine of this very process. */
    boolean inThisProcess() {
        return pid().orElse(-1) == ProcessHandle.current().pid()
                && host().map(HOST::equals).orElse(false);
    }

    /** {@code process 1234 on host ci-1}, for messages. */
    String describe() {
        OptionalLong pid = pid();
        return pid.isPresent() ? "genesis process " + pid.getAsLong() + " on " + host().orElse("?") : "engine " + name;
    }

    private static String lookUpHost() {
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            // Without a resolvable name the process id alone still tells engines of this machine apart.
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
