package io.genesis.core.notify;

import io.genesis.core.notify.OutboxEntry.Status;
import io.genesis.core.rollout.store.JsonFileStore;
import io.genesis.core.secret.PrivateFiles;
import io.genesis.core.secret.Redaction;
import io.genesis.core.time.Durations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The persisted outbox of notifications: one JSON file per (event, channel) in a private directory,
 * each replaced atomically (as rollout states are). Queuing is a file write, so whoever queues a
 * notification (a rollout, a watch) never waits for a receiver; delivery is a separate round that a
 * host runs on its scheduler, and a restarted process carries on with every entry still open.
 *
 * <p>What holds: an event is queued once per channel (its id names the file, and an id already there
 * is not queued again); an entry is stored as {@code SENDING} before its request goes out and as
 * {@code DELIVERED} once it was accepted, and a delivered entry is never sent again. A crash between
 * the send and that mark leaves it {@code SENDING}: it is sent again, with the same {@code
 * Idempotency-Key} header and JSON {@code id} (PagerDuty: the same dedup key), so delivery is at least
 * once and a receiver that keeps the keys it has seen gets it once. Rounds of delivery from two
 * processes on one outbox take turns through a file lock.
 */
public final class Outbox {

    /** How long a delivered or given-up entry is kept, so an event told again is still recognised. */
    public static final Duration KEPT = Duration.ofDays(7);

    /** At most this many entries are sent in one round. */
    static final int ROUND = 200;

    private static final String LOCK = "delivery.lock";

    /** How often a round reads the whole directory again. */
    private static final Duration SWEEP = Duration.ofHours(1);

    private final Path directory;
    private final JsonFileStore<String, OutboxEntry> files;
    private final Clock clock;
    private final Supplier<NotificationTargets> targets;
    private final SecretResolver secrets;
    private final Sender sender;
    private final RetryPolicy retry;
    private final RandomGenerator random;
    /** Queuing and delivering hold different locks, so a round that waits on a receiver never holds a rollout. */
    private final Object queuing = new Object();

    private final Object delivering = new Object();
    private final Object loading = new Object();
    private final Map<String, OutboxEntry> open = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean loaded;
    private Instant swept;

    private Outbox(Builder builder) {
        this.directory = Objects.requireNonNull(builder.directory, "directory");
        this.files = OutboxFiles.open(directory, builder.force);
        this.clock = Objects.requireNonNull(builder.clock, "clock");
        this.targets = Objects.requireNonNull(builder.targets, "targets");
        this.secrets = Objects.requireNonNull(builder.secrets, "secrets");
        this.sender = Objects.requireNonNull(builder.sender, "sender");
        this.retry = Objects.requireNonNull(builder.retry, "retry");
        this.random = Objects.requireNonNull(builder.random, "random");
    }

    public static Builder builder(Path directory) {
        return new Builder(directory);
    }

    /**
     * Queues {@code notification} for every channel of its environment that takes it; an event queued
     * before (the same id) is not queued again.
     *
     * @return the entries queued now
     */
    public List<OutboxEntry> enqueue(Notification notification) {
        synchronized (queuing) {
            return queue(notification);
        }
    }

    private List<OutboxEntry> queue(Notification notification) {
        List<OutboxEntry> queued = new ArrayList<>();
        for (Channel channel : targets.get().channels(notification.environment())) {
            if (!channel.takes(notification.kind()) || !channel.type().tells(notification)) {
                continue;
            }
            OutboxEntry entry = OutboxEntry.queued(notification, channel.name(), clock.instant());
            if (files.load(entry.id()).isEmpty()) {
                store(entry);
                queued.add(entry);
            }
        }
        return queued;
    }

    /** Where the entries are kept. */
    public Path directory() {
        return directory;
    }

    /** Whether some environment has a channel: without one, nothing is ever queued. */
    public boolean hasChannels() {
        return !targets.get().isEmpty();
    }

    /**
     * Sends every entry due at {@code now} once (at most {@value #ROUND}), stores each result, and
     * forgets entries that ended more than {@link #KEPT} ago.
     */
    public DeliveryReport deliverDue(Instant now) {
        return deliverDue(now, Instant.MAX);
    }

    /**
     * {@link #deliverDue(Instant)}, starting no send once the clock has passed {@code stopAt}: what a
     * command that is about to exit does, so that a receiver that is down cannot keep it waiting long.
     */
    public DeliveryReport deliverDue(Instant now, Instant stopAt) {
        synchronized (delivering) {
            return locked(now, stopAt);
        }
    }

    private DeliveryReport locked(Instant now, Instant stopAt) {
        try (FileChannel channel =
                PrivateFiles.openReadWrite(PrivateFiles.directory(directory).resolve(LOCK))) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                return new DeliveryReport(0, 0, 0, true, nextDue());
            }
            try {
                return round(now, stopAt);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not lock the notification outbox " + directory + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }

    private DeliveryReport round(Instant now, Instant stopAt) {
        int delivered = 0;
        int retrying = 0;
        int gaveUp = 0;
        int sent = 0;
        sweep(now);
        NotificationTargets current = targets.get();
        List<OutboxEntry> entries = new ArrayList<>(known().values());
        entries.sort(Comparator.comparing(OutboxEntry::createdAt).thenComparing(OutboxEntry::id));
        for (OutboxEntry known : entries) {
            // An environment with no channels here is another process's (a command run with another
            // policy): its entries wait for a process that knows them, rather than being given up.
            if (!known.due(now)
                    || sent >= ROUND
                    || clock.instant().isAfter(stopAt)
                    || current.channels(known.notification().environment()).isEmpty()) {
                continue;
            }
            // Read again: another process may have delivered it since this one last looked.
            Optional<OutboxEntry> stored = files.load(known.id());
            if (stored.isEmpty() || !stored.get().due(now)) {
                stored.ifPresentOrElse(this::remember, () -> open.remove(known.id()));
                continue;
            }
            sent++;
            OutboxEntry after = deliver(stored.get(), current);
            switch (after.status()) {
                case DELIVERED -> delivered++;
                case GAVE_UP -> gaveUp++;
                default -> retrying++;
            }
        }
        return new DeliveryReport(delivered, retrying, gaveUp, false, nextDue());
    }

    /**
     * Once an hour of the clock (and in the first round): reads the whole directory again, forgets
     * entries that ended more than {@link #KEPT} ago, and learns the open entries another process queued.
     */
    private void sweep(Instant now) {
        if (swept != null && now.isBefore(swept.plus(SWEEP))) {
            return;
        }
        Map<String, OutboxEntry> found = new java.util.HashMap<>();
        for (OutboxEntry entry : files.list()) {
            if (entry.open()) {
                found.put(entry.id(), entry);
            } else if (entry.endedAt() != null && entry.endedAt().plus(KEPT).isBefore(now)) {
                files.delete(entry.id());
            }
        }
        open.keySet().retainAll(found.keySet());
        open.putAll(found);
        loaded = true;
        swept = now;
    }

    /** The open entries this process knows: read from the directory once, then kept as it writes them. */
    private Map<String, OutboxEntry> known() {
        if (!loaded) {
            synchronized (loading) {
                if (!loaded) {
                    files.list().stream().filter(OutboxEntry::open).forEach(e -> open.put(e.id(), e));
                    loaded = true;
                }
            }
        }
        return open;
    }

    private void remember(OutboxEntry entry) {
        if (entry.open()) {
            open.put(entry.id(), entry);
        } else {
            open.remove(entry.id());
        }
    }

    /** When the earliest open entry this outbox can send is due, if there is one. */
    public Optional<Instant> nextDue() {
        NotificationTargets current = targets.get();
        return known().values().stream()
                .filter(e -> !current.channels(e.notification().environment()).isEmpty())
                .map(e -> e.status() == Status.SENDING ? e.createdAt() : e.nextAttemptAt())
                .min(Comparator.naturalOrder());
    }

    /** Every stored entry, for status and tests. */
    public List<OutboxEntry> entries() {
        return files.list();
    }

    /** Files of the outbox that could not be read, each with why. */
    public List<String> problems() {
        return files.problems();
    }

    private OutboxEntry deliver(OutboxEntry entry, NotificationTargets current) {
        Notification n = entry.notification();
        Optional<Channel> found = current.channel(n.environment(), entry.channel());
        if (found.isEmpty()) {
            return store(entry.gaveUp(
                    clock.instant(),
                    "channel " + entry.channel() + " is no longer configured for " + n.environment()
                            + "; fix: configure it again to have this sent"));
        }
        Channel channel = found.get();
        String secret = null;
        try {
            secret = channel.secret() == null ? null : secrets.resolve(channel.secret(), n);
        } catch (RuntimeException e) {
            return failed(entry.sending(), "its secret: " + message(e, null));
        }
        Post post;
        try {
            Optional<Post> built = channel.type().post(channel, n, secret);
            if (built.isEmpty()) {
                return store(entry.delivered(clock.instant()));
            }
            post = built.get();
        } catch (RuntimeException e) {
            return store(entry.gaveUp(clock.instant(), message(e, secret)));
        }
        OutboxEntry sending = store(entry.sending());
        int status;
        try {
            status = sender.send(post);
        } catch (IOException | RuntimeException e) {
            return failed(sending, "no answer: " + message(e, secret));
        }
        if (status >= 200 && status < 300) {
            return store(sending.delivered(clock.instant()));
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return failed(sending, "HTTP " + status);
        }
        String fix = status >= 300 && status < 400
                ? "a redirect, which Genesis does not follow; fix: configure the final address"
                : "refused for good; fix: check the channel's address or key";
        return store(
                sending.gaveUp(clock.instant(), "HTTP " + status + " from channel " + channel.name() + ": " + fix));
    }

    /** A failed attempt: tried again after the backoff, or given up once the attempts are spent. */
    private OutboxEntry failed(OutboxEntry sending, String why) {
        Instant now = clock.instant();
        if (sending.attempts() >= retry.attempts()) {
            return store(sending.gaveUp(
                    now,
                    "gave up after " + sending.attempts() + " attempts over "
                            + Durations.format(Duration.between(sending.createdAt(), now)) + "; last: " + why));
        }
        return store(sending.retryAt(now.plus(retry.delay(sending.attempts(), random)), why));
    }

    private OutboxEntry store(OutboxEntry entry) {
        files.save(entry);
        known();
        remember(entry);
        return entry;
    }

    /** What went wrong, with the secret (an address, a key) taken out wherever it appears. */
    static String message(Throwable e, String secret) {
        String text = e.getMessage() == null || e.getMessage().isBlank()
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (secret != null && !secret.isBlank()) {
            text = text.replace(secret, Redaction.MASK);
        }
        return Redaction.text(text);
    }

    /** Assembles an outbox; the secrets default to none, the sender to HTTP with a 10 s limit. */
    public static final class Builder {
        private final Path directory;
        private boolean force = true;
        private Clock clock = Clock.systemUTC();
        private Supplier<NotificationTargets> targets = () -> NotificationTargets.NONE;
        private SecretResolver secrets = SecretResolver.of(java.util.Map.of());
        private Sender sender;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private RandomGenerator random;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /** Whether writes are forced to disk; only simulations turn it off. */
        public Builder force(boolean value) {
            this.force = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder targets(NotificationTargets value) {
            Objects.requireNonNull(value, "targets");
            this.targets = () -> value;
            return this;
        }

        /** Targets read afresh each time (Jenkins: its global configuration, which may change). */
        public Builder targets(Supplier<NotificationTargets> value) {
            this.targets = Objects.requireNonNull(value, "targets");
            return this;
        }

        public Builder secrets(SecretResolver value) {
            this.secrets = value;
            return this;
        }

        public Builder sender(Sender value) {
            this.sender = value;
            return this;
        }

        public Builder retry(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        /** Where the jitter comes from; tests give a seeded one. */
        public Builder random(RandomGenerator value) {
            this.random = value;
            return this;
        }

        public Outbox build() {
            if (sender == null) {
                sender = new HttpSender(Duration.ofSeconds(10));
            }
            if (random == null) {
                random = new java.security.SecureRandom();
            }
            return new Outbox(this);
        }
    }
}
