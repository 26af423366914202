package io.genesis.core.hook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * When in a rollout a hook runs, and what its failure does. Each phase knows both its spellings
 * ({@code preTraffic} in genesis.yaml and records, {@code pre-traffic} on the command line).
 */
public enum HookPhase {
    /** Before anything is touched (after an approval, if one is asked): the release guide's backup. A failure aborts. */
    BEFORE_DEPLOY("beforeDeploy", "before-deploy", true),
    /** On the deployed candidate before any user traffic reaches it: smoke tests. A failure rolls back. */
    PRE_TRAFFIC("preTraffic", "pre-traffic", true),
    /** Once the candidate is the stable version. The version already serves everyone, so a failure is recorded only. */
    AFTER_PROMOTION("afterPromotion", "after-promotion", false),
    /** Once a rollback has restored traffic and retired the candidate. A failure is recorded only. */
    ON_ROLLBACK("onRollback", "on-rollback", false);

    private final String key;
    private final String option;
    private final boolean failureStops;

    HookPhase(String key, String option, boolean failureStops) {
        this.key = key;
        this.option = option;
        this.failureStops = failureStops;
    }

    /** The name in genesis.yaml, records and events: {@code preTraffic}. */
    public String key() {
        return key;
    }

    /** The name on the command line: {@code pre-traffic}. */
    public String option() {
        return option;
    }

    /** Whether a failed or timed-out hook of this phase ends the rollout (abort or roll back). */
    public boolean failureStops() {
        return failureStops;
    }

    /**
     * The phase named {@code text} in either spelling, case and {@code -}/{@code _} ignored.
     *
     * @throws IllegalArgumentException naming {@code field}, the value and the known phases
     */
    public static HookPhase parse(String field, String text) {
        String wanted = normal(text == null ? "" : text);
        for (HookPhase phase : values()) {
            if (normal(phase.key).equals(wanted)) {
                return phase;
            }
        }
        throw new IllegalArgumentException(field + ": unknown hook phase '" + text + "'; use one of "
                + Arrays.stream(values()).map(p -> p.option).collect(Collectors.joining(", ")));
    }

    private static String normal(String text) {
        return text.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT).strip();
    }
}
