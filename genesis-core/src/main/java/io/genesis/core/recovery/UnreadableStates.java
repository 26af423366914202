package io.genesis.core.recovery;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryStore;
import io.genesis.core.history.RecordStatus;
import io.genesis.core.rollout.Lease;
import io.genesis.core.rollout.store.FileRolloutLock;
import io.genesis.core.rollout.store.FileRolloutStateStore;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.target.DeploymentKey;
import io.genesis.core.watch.FileWatchStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Closes what a state file that cannot be read held. Genesis replaces its state files whole, so a
 * damaged one was cut short outside Genesis (a disk or a hand); nothing can carry its rollout or watch
 * on. Once nobody can still be running it (its engine's process has ended, its claim has lapsed, or
 * the file has been left alone longer than any claim lasts), it gets a record in the history that says
 * what was unreadable, what the other files still tell of it and what to check by hand; the file is
 * kept beside, renamed, and a lock it held is released, so that {@code history} shows it and the next
 * deploy of its key is not blocked.
 */
public final class UnreadableStates {

    /** The name a closed file is kept under, beside the files the stores read. */
    public static final String KEPT_SUFFIX = ".unreadable";

    private static final Set<String> ROLLOUT_FIELDS = Set.of(
            "/request/key/application",
            "/request/key/environment",
            "/request/version",
            "/request/commit",
            "/request/strategy",
            "/request/initiator",
            "/request/initiatorAccount",
            "/request/build",
            "/plan/strategy",
            "/owner",
            "/leaseExpiresAt",
            "/submittedAt",
            "/stage");

    private static final Set<String> WATCH_FIELDS = Set.of(
            "/request/key/application",
            "/request/key/environment",
            "/request/version",
            "/request/rolloutId",
            "/owner",
            "/leaseExpiresAt",
            "/endsAt");

    private final Clock clock;
    private final Predicate<String> ownerEnded;
    private final Duration quiet;

    /**
     * @param clock the engine's clock
     * @param ownerEnded whether an engine (by name) has certainly ended, as the host can tell
     * @param quiet how long a file nothing else names must be left alone before it is closed: the
     *     engine's lease time, past which a live engine would have renewed its claim
     */
    public UnreadableStates(Clock clock, Predicate<String> ownerEnded, Duration quiet) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownerEnded = Objects.requireNonNull(ownerEnded, "ownerEnded");
        this.quiet = Objects.requireNonNull(quiet, "quiet");
    }

    /**
     * Closes every rollout of {@code states} whose file cannot be read and whose engine cannot still be
     * running it.
     *
     * @return one line per rollout closed or that cannot be closed, saying what was done and what to check
     */
    public List<String> closeRollouts(FileRolloutStateStore states, FileRolloutLock locks, HistoryStore history) {
        states.list();
        List<String> said = new ArrayList<>();
        for (Map.Entry<Path, String> entry : new TreeMap<>(states.unreadable()).entrySet()) {
            Path file = entry.getKey();
            String id = idOf(file);
            Optional<Salvage> salvage = salvage(file, ROLLOUT_FIELDS);
            if (salvage.isEmpty()) {
                continue;
            }
            Salvage known = salvage.get();
            Optional<Lease> lease = locks.heldBy(id);
            Optional<String> owner = lease.map(Lease::owner).or(() -> known.text("/owner"));
            Optional<Instant> claimedUntil = lease.map(Lease::expiresAt).or(() -> known.instant("/leaseExpiresAt"));
            if (mayStillRun(file, owner, claimedUntil)) {
                continue;
            }
            Optional<DeploymentKey> key = lease.map(Lease::key).or(() -> keyOf(known));
            if (key.isEmpty()) {
                said.add("cannot close rollout " + id + ": " + entry.getValue()
                        + "; neither it nor a lock says which application and environment it was for."
                        + " Fix: check your targets by hand, then move " + file + " out of the state directory");
                continue;
            }
            boolean queued = lease.isEmpty()
                    && known.text("/stage").filter("QUEUED"::equals).isPresent();
            String reason = (queued ? "closed before it started" : "closed unfinished")
                    + " by genesis: its state file could not be"
                    + " read (" + entry.getValue() + "); nobody can carry it on or roll it back"
                    + (queued
                            ? ""
                            : ". Check by hand what " + key.get() + " serves, and remove a candidate it may have"
                                    + " left running");
            List<String> notes = new ArrayList<>();
            notes.add("known of it: " + whatIsKnown(known, lease));
            Path kept = keptName(file);
            notes.add("its unreadable state file is kept as " + kept);
            if (history.find(id).isEmpty()) {
                history.append(closedRecord(id, key.get(), known, lease, file, queued, reason, notes));
            }
            keepAside(file, kept);
            lease.ifPresent(l -> locks.release(l.key(), id));
            said.add("closed rollout " + id + " (" + key.get() + ") " + (queued ? "ABORTED" : "FAILED")
                    + " in the history: its state file could not be read (" + entry.getValue() + "); kept as " + kept
                    + (lease.isPresent() ? "; its lock is released" : "")
                    + (queued ? "" : "; check by hand what " + key.get() + " serves"));
        }
        return said;
    }

    /**
     * Closes every watch of {@code watches} whose file cannot be read and whose engine cannot still be
     * running it: its rollout's record gets a note that the watch ended unfinished.
     *
     * @return one line per watch closed or that cannot be closed
     */
    public List<String> closeWatches(FileWatchStore watches, HistoryStore history) {
        watches.list();
        List<String> said = new ArrayList<>();
        for (Map.Entry<Path, String> entry : new TreeMap<>(watches.unreadable()).entrySet()) {
            Path file = entry.getKey();
            String id = idOf(file);
            Optional<Salvage> salvage = salvage(file, WATCH_FIELDS);
            if (salvage.isEmpty()
                    || mayStillRun(
                            file, salvage.get().text("/owner"), salvage.get().instant("/leaseExpiresAt"))) {
                continue;
            }
            Salvage known = salvage.get();
            Path kept = keptName(file);
            String note = "its post-deploy watch " + id + " was closed unfinished by genesis at " + clock.instant()
                    + ": its state file could not be read (" + entry.getValue() + "; kept as " + kept
                    + "); nothing watches "
                    + keyOf(known).map(DeploymentKey::toString).orElse("it") + " any more: check its metrics by hand"
                    + " and start a new watch (genesis monitor)";
            Optional<DeploymentRecord> rollout =
                    known.text("/request/rolloutId").flatMap(history::find);
            if (rollout.isPresent() && !rollout.get().notes().contains(note)) {
                history.append(withNote(rollout.get(), note));
            }
            keepAside(file, kept);
            said.add("closed watch " + id
                    + keyOf(known).map(k -> " (" + k + ")").orElse("") + ": its state file could not be"
                    + " read (" + entry.getValue() + "); kept as " + kept + "; "
                    + rollout.map(r -> "noted in the record of rollout " + r.id())
                            .orElse("no record of its rollout names it")
                    + "; check its metrics by hand and start a new watch (genesis monitor)");
        }
        return said;
    }

    /** Whether an engine may still be running what {@code file} held: then it is left alone for now. */
    private boolean mayStillRun(Path file, Optional<String> owner, Optional<Instant> claimedUntil) {
        Instant now = clock.instant();
        if (owner.isPresent()) {
            return !ownerEnded.test(owner.get())
                    && claimedUntil.map(until -> until.isAfter(now)).orElse(true);
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(quiet).isAfter(now);
        } catch (IOException e) {
            return true;
        }
    }

    private static Optional<Salvage> salvage(Path file, Set<String> fields) {
        try {
            return Optional.of(Salvage.of(PrivateFiles.read(file), fields));
        } catch (NoSuchFileException e) {
            // Closed meanwhile by another command.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<DeploymentKey> keyOf(Salvage known) {
        Optional<String> application = known.text("/request/key/application");
        Optional<String> environment = known.text("/request/key/environment");
        if (application.isEmpty() || environment.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeploymentKey(application.get(), environment.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String whatIsKnown(Salvage known, Optional<Lease> lease) {
        List<String> facts = new ArrayList<>();
        lease.ifPresent(l -> facts.add(
                "it held the lock on " + l.key() + " (engine " + l.owner() + ", since " + l.acquiredAt() + ")"));
        known.text("/request/version").ifPresent(v -> facts.add("version " + v));
        known.text("/request/strategy").or(() -> known.text("/plan/strategy")).ifPresent(s -> facts.add(s));
        known.text("/stage").ifPresent(s -> facts.add("last stored stage " + s));
        known.text("/owner").ifPresent(o -> facts.add("engine " + o));
        return facts.isEmpty() ? "nothing beyond its id" : String.join(", ", facts);
    }

    private DeploymentRecord closedRecord(
            String id,
            DeploymentKey key,
            Salvage known,
            Optional<Lease> lease,
            Path file,
            boolean queued,
            String reason,
            List<String> notes) {
        Instant started = known.instant("/submittedAt")
                .or(() -> lease.map(Lease::acquiredAt))
                .orElseGet(() -> modified(file));
        return new DeploymentRecord(
                id,
                key.application(),
                key.environment(),
                known.text("/request/version").orElse("unknown"),
                known.text("/request/commit").orElse(""),
                "",
                known.text("/request/build").orElse(""),
                known.text("/request/strategy")
                        .or(() -> known.text("/plan/strategy"))
                        .orElse("unknown"),
                known.text("/request/initiator").orElse(""),
                "",
                started,
                clock.instant(),
                queued ? RecordStatus.ABORTED : RecordStatus.FAILED,
                reason,
                List.of(),
                List.of(),
                List.of(),
                notes,
                null,
                null,
                null,
                known.text("/request/initiatorAccount").orElse(null));
    }

    private static DeploymentRecord withNote(DeploymentRecord record, String note) {
        List<String> notes = new ArrayList<>(record.notes());
        notes.add(note);
        return new DeploymentRecord(
                record.id(),
                record.application(),
                record.environment(),
                record.version(),
                record.commit(),
                record.ref(),
                record.build(),
                record.strategy(),
                record.initiator(),
                record.target(),
                record.startedAt(),
                record.endedAt(),
                record.status(),
                record.reason(),
                record.phases(),
                record.approvals(),
                record.analyses(),
                notes,
                record.rollbackTriggeredAt(),
                record.trafficRestoredAt(),
                record.timeToRestore(),
                record.initiatorAccount(),
                record.hooks(),
                record.buildDate(),
                record.commitTime());
    }

    private Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return clock.instant();
        }
    }

    private static String idOf(Path file) {
        String name = String.valueOf(file.getFileName());
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    private static Path keptName(Path file) {
        return file.resolveSibling(file.getFileName() + KEPT_SUFFIX);
    }

    private static void keepAside(Path file, Path kept) {
        try {
            Files.move(file, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // Another command closed it meanwhile.
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not move the unreadable " + file + " aside to " + kept + ": " + e.getMessage(), e);
        }
    }
}
