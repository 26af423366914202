package io.genesis.core.history;

import io.genesis.core.policy.CheckoutPolicy;
import io.genesis.core.policy.Environments;
import io.genesis.core.policy.PolicyDocument;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an environment's {@code retention:} section, in every source of policy ({@code genesis.yaml}, a
 * trusted policy file, the plugin's global configuration):
 *
 * <pre>
 * retention:
 *   keep: 500    # the newest records of each application, environment and job always kept, 1 to 100000
 *   days: 365    # records that ended less than this many days ago always kept, 0 to 3650
 * </pre>
 *
 * A key left out keeps the value it would have without it: {@link Retention#DEFAULT}'s in a trusted
 * source, the trusted policy's in a checkout, which may keep more but never less ({@link #fromCheckout}).
 */
public final class RetentionBinder {

    /** The most records per application, environment and job an environment may ask to keep. */
    public static final int MOST_RECORDS = 100_000;

    /** The longest an environment may ask to keep records: ten years. */
    public static final int MOST_DAYS = 3650;

    static final String KEEP = "keep";
    static final String DAYS = "days";

    private RetentionBinder() {}

    /** The retention each environment of a trusted {@code document} sets, by environment. */
    public static Map<String, Retention> bind(PolicyDocument document) {
        Map<String, Retention> all = new LinkedHashMap<>();
        for (PolicyEntry entry : document.entries()) {
            of(entry, Retention.DEFAULT).ifPresent(retention -> all.put(entry.name(), retention));
        }
        return all;
    }

    /**
     * The retention a checkout's {@code document} sets, by environment: for an environment the trusted policy
     * defines, at least what the trusted policy keeps (its {@code retention:}, else {@link Retention#DEFAULT}),
     * as records a pull request could otherwise have dropped are the audit trail of production.
     *
     * @param trusted the trusted environments
     * @param trustedRetention the retention the trusted source sets, by environment
     * @param trustedName how to name the trusted source in a message
     * @throws io.genesis.core.policy.PolicyException naming the environment, both values and the fix
     */
    public static Map<String, Retention> fromCheckout(
            PolicyDocument document,
            Environments trusted,
            Map<String, Retention> trustedRetention,
            String trustedName) {
        Map<String, Retention> all = new LinkedHashMap<>();
        for (PolicyEntry entry : document.entries()) {
            boolean floored = trusted.find(entry.name()).isPresent();
            Retention base =
                    floored ? trustedRetention.getOrDefault(entry.name(), Retention.DEFAULT) : Retention.DEFAULT;
            Optional<Retention> asked = of(entry, base);
            if (asked.isEmpty()) {
                continue;
            }
            if (floored && !asked.get().keepsAtLeast(base)) {
                throw CheckoutPolicy.loosening(entry, PolicyKey.RETENTION, asked.get(), base, trustedName);
            }
            all.put(entry.name(), asked.get());
        }
        return all;
    }

    /**
     * The retention {@code entry} sets, if any, its keys left out taken from {@code base}.
     *
     * @throws io.genesis.core.policy.PolicyException naming the environment, the key, the value and the fix
     */
    public static Optional<Retention> of(PolicyEntry entry, Retention base) {
        Optional<Map<String, Object>> section = entry.mapping(PolicyKey.RETENTION);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        int keep = base.keep();
        long days = base.keepFor().toDays();
        for (Map.Entry<String, Object> setting : section.get().entrySet()) {
            switch (setting.getKey()) {
                case KEEP ->
                    keep = whole(
                            entry, KEEP, setting.getValue(), 1, MOST_RECORDS, "records per application and job", 500);
                case DAYS -> days = whole(entry, DAYS, setting.getValue(), 0, MOST_DAYS, "days", 365);
                default ->
                    throw entry.refusalAt(
                            path(setting.getKey()),
                            "is not a retention setting; fix: use " + KEEP + " (records per application and job) or "
                                    + DAYS + " (days since a rollout ended)");
            }
        }
        return Optional.of(new Retention(keep, Duration.ofDays(days)));
    }

    private static int whole(
            PolicyEntry entry, String key, Object value, int least, int most, String unit, int example) {
        Optional<String> problem = problem(value, least, most, unit, example);
        if (problem.isPresent()) {
            throw entry.refusalAt(path(key), problem.get());
        }
        return (Integer) value;
    }

    /**
     * What is wrong with {@code value} as {@code retention.keep}, in the policy's words (a form checks a
     * field with them before the page is saved); empty when it is a valid setting.
     */
    public static Optional<String> keepProblem(Object value) {
        return problem(value, 1, MOST_RECORDS, "records per application and job", 500)
                .map(p -> path(KEEP) + " " + p);
    }

    /** What is wrong with {@code value} as {@code retention.days}, in the policy's words; empty when valid. */
    public static Optional<String> daysProblem(Object value) {
        return problem(value, 0, MOST_DAYS, "days", 365).map(p -> path(DAYS) + " " + p);
    }

    private static Optional<String> problem(Object value, int least, int most, String unit, int example) {
        if (value instanceof Integer number && number >= least && number <= most) {
            return Optional.empty();
        }
        return Optional.of("must be a whole number of " + unit + " from " + least + " to " + most + ", not '" + value
                + "'; fix: write one, such as " + example);
    }

    private static String path(String key) {
        return PolicyKey.RETENTION.key() + "." + key;
    }
}
