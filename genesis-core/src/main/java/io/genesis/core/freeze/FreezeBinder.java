package io.genesis.core.freeze;

import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.policy.PolicyKey;
import io.genesis.core.time.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an environment's {@code freeze:} section, a list of windows, each either
 * {@code {reason, timeZone, cron, duration}} or {@code {reason, timeZone, from, until}}:
 *
 * <pre>
 * freeze:
 *   - reason: weekend
 *     timeZone: Europe/Berlin
 *     cron: "0 18 * * FRI"
 *     duration: 62h
 *   - reason: year-end freeze
 *     timeZone: America/New_York
 *     from: 2026-12-20T00:00
 *     until: 2027-01-04T09:00
 * </pre>
 *
 * Every problem names the window and key, the value and the fix.
 */
public final class FreezeBinder {

    private static final Set<String> KEYS = Set.of("reason", "timeZone", "cron", "duration", "from", "until");

    private FreezeBinder() {}

    /** The windows {@code entry} sets; none when it has no {@code freeze:} section. */
    public static FreezeCalendar calendar(PolicyEntry entry) {
        List<Object> items = entry.items(PolicyKey.FREEZE).orElse(List.of());
        List<FreezeWindow> windows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            windows.add(window(entry, i, items.get(i)));
        }
        return new FreezeCalendar(windows);
    }

    private static FreezeWindow window(PolicyEntry entry, int index, Object item) {
        String at = PolicyKey.FREEZE.key() + "[" + index + "]";
        if (!(item instanceof Map<?, ?> map)) {
            throw refusal(
                    entry,
                    at,
                    "must be a mapping such as '{reason: weekend, timeZone: UTC, cron: \"0 18 * * FRI\","
                            + " duration: 62h}'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw refusal(
                        entry,
                        at + "." + key,
                        "unknown key '" + key + "'; fix: use reason, timeZone and either"
                                + " cron with duration, or from with until");
            }
        }
        String reason = text(entry, at, map, "reason");
        ZoneId zone = zone(entry, at, text(entry, at, map, "timeZone"));
        boolean recurring = map.containsKey("cron") || map.containsKey("duration");
        boolean dated = map.containsKey("from") || map.containsKey("until");
        if (recurring == dated) {
            throw refusal(
                    entry,
                    at,
                    "needs either cron with duration (a recurring freeze) or from with until (a date" + " range), not "
                            + (recurring ? "both" : "neither"));
        }
        try {
            if (recurring) {
                CronSchedule starts = cron(entry, at, text(entry, at, map, "cron"));
                Duration length = Durations.parse(at + ".duration", text(entry, at, map, "duration"));
                return new FreezeWindow.Recurring(reason, zone, starts, length);
            }
            return new FreezeWindow.Dated(
                    reason,
                    zone,
                    time(entry, at + ".from", text(entry, at, map, "from")),
                    time(entry, at + ".until", text(entry, at, map, "until")));
        } catch (IllegalArgumentException e) {
            if (e instanceof PolicyException) {
                throw e;
            }
            throw refusal(entry, at, e.getMessage());
        }
    }

    private static String text(PolicyEntry entry, String at, Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null || String.valueOf(value).isBlank()) {
            throw refusal(entry, at + "." + key, "has no " + key + "; fix: add '" + key + ":'");
        }
        return String.valueOf(value).strip();
    }

    private static ZoneId zone(PolicyEntry entry, String at, String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw refusal(
                    entry,
                    at + ".timeZone",
                    "'" + text + "' is not a time zone; fix: write a region such as"
                            + " Europe/Berlin or America/New_York, or UTC");
        }
    }

    private static CronSchedule cron(PolicyEntry entry, String at, String text) {
        try {
            return CronSchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw refusal(entry, at + ".cron", e.getMessage());
        }
    }

    private static LocalDateTime time(PolicyEntry entry, String at, String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeException e) {
            throw refusal(
                    entry,
                    at,
                    "'" + text + "' is not a date and time; fix: write it as 2026-12-20T00:00, wall"
                            + " clock in the window's timeZone");
        }
    }

    private static PolicyException refusal(PolicyEntry entry, String at, String problem) {
        return entry.refusalAt(at, problem);
    }
}
