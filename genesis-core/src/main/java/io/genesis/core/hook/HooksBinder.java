package io.genesis.core.hook;

import io.genesis.core.policy.Environment;
import io.genesis.core.policy.Percentage;
import io.genesis.core.policy.PolicyEntry;
import io.genesis.core.policy.PolicyException;
import io.genesis.core.policy.PolicyKey;
import io.genesis.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an environment's {@code hooks:} section: per phase, one hook or a list of them, each a
 * {@code command} or a {@code webhook} with an optional {@code timeout}, {@code retries} (webhooks)
 * and {@code junit} report pattern with {@code minPassRate} (commands; the environment's gate bar
 * by default).
 *
 * <pre>
 * hooks:
 *   beforeDeploy: {webhook: "https://backup.internal/run", timeout: 5m, retries: 2}
 *   preTraffic:
 *     command: "pytest -m smoke --base-url {url} --junitxml smoke.xml"
 *     junit: smoke.xml
 * </pre>
 *
 * A checkout's file may give hooks only to environments that are not protected: a command or an
 * address a pull request chose must not run with a protected environment's rights.
 */
public final class HooksBinder {

    private static final Set<String> KEYS = Set.of("command", "webhook", "timeout", "retries", "junit", "minPassRate");

    private HooksBinder() {}

    /** The hooks a trusted source gives {@code environment}; empty when it has no {@code hooks:} section. */
    public static List<Hook> hooks(PolicyEntry entry, Environment environment) {
        List<Hook> hooks = new ArrayList<>();
        for (Map.Entry<String, Object> phase :
                entry.mapping(PolicyKey.HOOKS).orElse(Map.of()).entrySet()) {
            HookPhase parsed = check(entry, () -> HookPhase.parse("hooks." + phase.getKey(), phase.getKey()));
            Object value = phase.getValue();
            List<?> items = value instanceof List<?> list ? list : List.of(value == null ? Map.of() : value);
            for (Object item : items) {
                hooks.add(hook(entry, parsed, item, environment.gate().minPassRate()));
            }
        }
        return List.copyOf(hooks);
    }

    /**
     * The hooks a checkout's file gives {@code environment}.
     *
     * @throws PolicyException when the environment is protected, naming it and where hooks belong
     */
    public static List<Hook> fromCheckout(PolicyEntry entry, Environment environment) {
        if (entry.has(PolicyKey.HOOKS) && environment.protectedEnvironment()) {
            throw entry.refusal(
                    PolicyKey.HOOKS,
                    environment.name() + " is protected, and a checkout may not give it hooks (commands and"
                            + " addresses a pull request could change); fix: remove hooks from this file and keep"
                            + " them in a trusted policy file outside the checkout (--policy, GENESIS_POLICY or"
                            + " ~/.config/genesis/policy.yaml), or pass them with --hook on the command line");
        }
        return hooks(entry, environment);
    }

    private static Hook hook(PolicyEntry entry, HookPhase phase, Object item, Percentage bar) {
        String field = "hooks." + phase.key();
        if (!(item instanceof Map<?, ?> map)) {
            throw entry.refusal(
                    PolicyKey.HOOKS,
                    field + " must be a mapping such as '{command: \"./smoke.sh {url}\"}', got '" + item + "'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw entry.refusal(
                        PolicyKey.HOOKS,
                        field + ": unknown key '" + key + "'; fix: use one of "
                                + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        return check(entry, () -> {
            Duration timeout = map.get("timeout") == null
                    ? null
                    : Durations.parse(field + ".timeout", String.valueOf(map.get("timeout")));
            int retries = map.get("retries") == null ? 0 : whole(field + ".retries", map.get("retries"));
            Percentage minPassRate = map.get("minPassRate") == null
                    ? bar
                    : Percentage.of(field + ".minPassRate", number(field + ".minPassRate", map.get("minPassRate")));
            return new Hook(
                    phase,
                    text(map.get("command")),
                    text(map.get("webhook")),
                    timeout,
                    retries,
                    text(map.get("junit")),
                    minPassRate,
                    null);
        });
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static int whole(String field, Object value) {
        if (value instanceof Integer number) {
            return number;
        }
        throw new IllegalArgumentException(field + " must be a whole number such as 2, got '" + value + "'");
    }

    private static double number(String field, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(field + " must be a number such as 95, got '" + value + "'");
    }

    private static <T> T check(PolicyEntry entry, java.util.function.Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw entry.refusal(PolicyKey.HOOKS, e.getMessage());
        }
    }
}
