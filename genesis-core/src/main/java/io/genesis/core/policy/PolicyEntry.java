package io.genesis.core.policy;

import io.genesis.core.gate.CriterionKind;
import io.genesis.core.gate.Criticality;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One environment of a policy document as a plain tree of keys and values (maps, lists, strings,
 * numbers, booleans), read key by key with the messages people see. Every source of policy is read
 * through this class, so a value has one meaning and one error wherever it was written.
 */
public final class PolicyEntry {

    private final Map<String, Object> values;
    private final String path;
    private final String where;

    private PolicyEntry(Map<String, Object> values, String path, String where) {
        this.values = values;
        this.path = path;
        this.where = where;
    }

    /**
     * The entry at {@code index} of a document's environments list.
     *
     * @throws PolicyException when it is not a mapping, has an unknown key, or has no valid name
     */
    static PolicyEntry of(Object entry, int index) {
        String path = "environments[" + index + "]";
        if (entry == null) {
            throw new PolicyException(
                    path, path + " is empty; fix: give it at least name, minPassRate and minCoverage");
        }
        if (!(entry instanceof Map<?, ?> map)) {
            throw new PolicyException(
                    path, path + " has the wrong shape; fix: write a mapping such as '- name: staging'");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), value));
        PolicyEntry unnamed = new PolicyEntry(values, path, path);
        Object name = values.get(PolicyKey.NAME.key());
        if (name == null) {
            throw unnamed.missing(PolicyKey.NAME);
        }
        if (!(name instanceof String text)) {
            throw unnamed.wrongType(PolicyKey.NAME, name);
        }
        PolicyEntry named = new PolicyEntry(values, path, path + " (" + text + ")");
        for (String key : values.keySet()) {
            if (PolicyKey.named(key) == null) {
                throw new PolicyException(
                        path + "." + key,
                        named.where + ": unknown key '" + key + "'; fix: use one of the known keys: "
                                + String.join(", ", PolicyKey.sortedKeys()));
            }
        }
        named.check(PolicyKey.NAME, () -> Environment.requireValidName(text));
        return named;
    }

    /** The environment's name, valid. */
    public String name() {
        return (String) values.get(PolicyKey.NAME.key());
    }

    /** {@code environments[1] (production)}: where this entry is, for messages. */
    public String where() {
        return where;
    }

    /** Whether the entry sets {@code key}; a key with no value is not set. */
    public boolean has(PolicyKey key) {
        return values.get(key.key()) != null;
    }

    /** A percentage from 0 to 100, if set. */
    public Optional<Percentage> percentage(PolicyKey key) {
        return number(key).map(value -> check(key, () -> Percentage.of(key.key(), value)));
    }

    /** A required percentage. */
    Percentage requiredPercentage(PolicyKey key) {
        return percentage(key).orElseThrow(() -> missing(key));
    }

    /** Percentage points from 0 to 100, if set. */
    public Optional<Double> points(PolicyKey key) {
        return number(key).map(value -> check(key, () -> Percentage.requirePoints(key.key(), value)));
    }

    /** Whole minutes, zero or more, if set. */
    public Optional<Integer> minutes(PolicyKey key) {
        return whole(key);
    }

    /** Whole hours, zero or more, if set. */
    public Optional<Integer> hours(PolicyKey key) {
        return whole(key);
    }

    private Optional<Integer> whole(PolicyKey key) {
        return number(key).map(value -> {
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw wrongType(key, values.get(key.key()));
            }
            if (value < 0) {
                throw invalid(key, key.key() + " must not be negative, got " + value.intValue());
            }
            return value.intValue();
        });
    }

    /** A boolean, if set. */
    public Optional<Boolean> flag(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        throw wrongType(key, value);
    }

    /** A single text, stripped, blank refused, if set. */
    public Optional<String> text(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw wrongType(key, value);
        }
        return Optional.of(text.strip());
    }

    /** A list of texts, blanks refused, if set. */
    public Optional<List<String>> texts(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, value);
        }
        List<String> texts = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String text)) {
                throw wrongType(key, value);
            }
            if (text.isBlank()) {
                throw invalid(key, key.key() + " must not contain a blank entry");
            }
            texts.add(text.strip());
        }
        return Optional.of(Collections.unmodifiableList(texts));
    }

    /** The criticality per criterion kind, if set. */
    public Optional<Map<CriterionKind, Criticality>> criticality() {
        Object value = values.get(PolicyKey.CRITICALITY.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(PolicyKey.CRITICALITY, value);
        }
        Map<CriterionKind, Criticality> levels = new EnumMap<>(CriterionKind.class);
        for (Map.Entry<?, ?> level : map.entrySet()) {
            if (level.getValue() == null) {
                continue;
            }
            String field = PolicyKey.CRITICALITY.key() + "." + level.getKey();
            CriterionKind kind = check(
                    PolicyKey.CRITICALITY, level.getKey(), () -> CriterionKind.parse(String.valueOf(level.getKey())));
            check(PolicyKey.CRITICALITY, level.getKey(), () -> GateThresholds.requireConfigurable(kind));
            if (!(level.getValue() instanceof String text)) {
                throw invalid(
                        PolicyKey.CRITICALITY,
                        level.getKey(),
                        field + " must be one of note, unstable, failure, error, got '" + level.getValue() + "'");
            }
            levels.put(kind, check(PolicyKey.CRITICALITY, level.getKey(), () -> Criticality.parse(field, text)));
        }
        return Optional.of(levels);
    }

    /**
     * The bounds on security findings ({@code critical}, {@code high}, {@code medium}, {@code low},
     * {@code secrets}: whole numbers of findings accepted), if set.
     */
    public Optional<FindingBounds> findings() {
        Object value = values.get(PolicyKey.FINDINGS.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(PolicyKey.FINDINGS, value);
        }
        FindingBounds bounds = FindingBounds.NONE;
        for (Map.Entry<?, ?> bound : map.entrySet()) {
            String name = String.valueOf(bound.getKey());
            if (bound.getValue() == null) {
                continue;
            }
            if (!(bound.getValue() instanceof Number number)
                    || number.doubleValue() != Math.rint(number.doubleValue())
                    || number.doubleValue() < 0) {
                throw invalid(
                        PolicyKey.FINDINGS,
                        name,
                        PolicyKey.FINDINGS.key() + "." + name + " must be a whole number of findings (0 or more), got '"
                                + bound.getValue() + "'");
            }
            FindingBounds before = bounds;
            bounds = check(PolicyKey.FINDINGS, name, () -> before.with(name, number.longValue()));
        }
        return Optional.of(bounds);
    }

    /** The {@code target:} mapping as written, if set. */
    public Optional<Map<String, Object>> target() {
        return mapping(PolicyKey.TARGET);
    }

    /**
     * The mapping {@code key} holds as written, if set, for a feature's own binder to read (keys
     * that are sections, such as {@code target:}, rather than single values).
     */
    public Optional<Map<String, Object>> mapping(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw wrongType(key, value);
        }
        Map<String, Object> mapping = new LinkedHashMap<>();
        map.forEach((name, setting) -> mapping.put(String.valueOf(name), setting));
        return Optional.of(Collections.unmodifiableMap(mapping));
    }

    /** The list {@code key} holds as written (items of any shape), if set, for a feature's binder. */
    public Optional<List<Object>> items(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof List<?> list)) {
            throw wrongType(key, value);
        }
        return Optional.of(Collections.unmodifiableList(new ArrayList<Object>(list)));
    }

    /** A refusal about {@code key} of this entry, naming it and the fix. */
    public PolicyException refusal(PolicyKey key, String problem) {
        return new PolicyException(path + "." + key.key(), where + ": " + problem);
    }

    /**
     * A refusal about {@code keyPath} inside one of this entry's sections, such as
     * {@code freeze[1].cron}, so that a file's reader can point at that line.
     */
    public PolicyException refusalAt(String keyPath, String problem) {
        return new PolicyException(path + "." + keyPath, where + ": " + keyPath + " " + problem);
    }

    PolicyException missing(PolicyKey key) {
        return new PolicyException(
                path + "." + key.key(),
                where + " has no " + key.key() + "; fix: add '" + key.key() + ":' with " + key.example());
    }

    private PolicyException wrongType(PolicyKey key, Object value) {
        return new PolicyException(
                path + "." + key.key(),
                where + ": " + key.key() + " cannot be " + shown(value) + "; fix: write " + key.example());
    }

    private PolicyException invalid(PolicyKey key, String problem) {
        return new PolicyException(path + "." + key.key(), where + ": " + problem + "; fix: correct this environment");
    }

    /** A problem with the key {@code nested} inside {@code key}'s mapping, which a reader points at. */
    private PolicyException invalid(PolicyKey key, Object nested, String problem) {
        return new PolicyException(
                path + "." + key.key() + "." + nested, where + ": " + problem + "; fix: correct this environment");
    }

    /** {@link #check(PolicyKey, Supplier)} for the key {@code nested} inside {@code key}'s mapping. */
    private <T> T check(PolicyKey key, Object nested, Supplier<T> build) {
        try {
            return check(key, build);
        } catch (PolicyException e) {
            throw new PolicyException(path + "." + key.key() + "." + nested, e.getMessage(), e);
        }
    }

    /** Runs an engine check, turning its refusal into this entry's message. */
    <T> T check(PolicyKey key, Supplier<T> build) {
        try {
            return build.get();
        } catch (PolicyException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PolicyException(
                    path + "." + key.key(), where + ": " + e.getMessage() + "; fix: correct this environment", e);
        }
    }

    private Optional<Double> number(PolicyKey key) {
        Object value = values.get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.doubleValue());
        }
        throw wrongType(key, value);
    }

    private static String shown(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }
}
