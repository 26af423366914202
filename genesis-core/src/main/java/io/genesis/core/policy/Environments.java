package io.genesis.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environments a team deploys to, with unique names, in the order they were configured.
 *
 * @param all every environment
 */
public record Environments(List<Environment> all) {

    public Environments {
        all = List.copyOf(Objects.requireNonNull(all, "environments"));
        Set<String> seen = new HashSet<>();
        for (Environment environment : all) {
            if (!seen.add(environment.name())) {
                throw new IllegalArgumentException(
                        "environment '" + environment.name() + "' is defined twice; environment names must be unique");
            }
        }
    }

    /**
     * The defaults from the team's release guide: staging deploys from {@code main} without
     * approval at a 95 % pass rate; production deploys from {@code main}, {@code release/*} and
     * tags {@code v*} after approval and a five-minute wait, at a 98 % pass rate. Both want 85 %
     * line coverage. Production accepts no critical or high security findings and no secrets,
     * staging no secrets (where findings reports are given).
     */
    public static Environments defaults() {
        Environment staging = new Environment(
                "staging",
                GateThresholds.of(95, 85).withFindings(FindingBounds.STAGING),
                ApprovalPolicy.none(),
                new RefPolicy(List.of("main"), List.of()));
        Environment production = new Environment(
                "production",
                GateThresholds.of(98, 85).withFindings(FindingBounds.PRODUCTION),
                new ApprovalPolicy(
                        true, Set.of(), Set.of(), Duration.ofMinutes(5), ApprovalPolicy.DEFAULT_TIMEOUT, false),
                new RefPolicy(List.of("main", "release/*"), List.of("v*")));
        return new Environments(List.of(staging, production));
    }

    public Optional<Environment> find(String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The environment called {@code name}; an unknown name fails with the known ones. */
    public Environment named(String name) {
        return find(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown environment '" + name + "'; known: "
                        + (all.isEmpty() ? "none are configured" : names())));
    }

    /**
     * These environments with {@code environment} replacing the one of the same name where it stands,
     * or added at the end.
     */
    public Environments with(Environment environment) {
        List<Environment> copy = new ArrayList<>(all);
        int index = copy.indexOf(find(environment.name()).orElse(null));
        if (index < 0) {
            copy.add(environment);
        } else {
            copy.set(index, environment);
        }
        return new Environments(copy);
    }

    public String names() {
        return all.stream().map(Environment::name).collect(Collectors.joining(", "));
    }
}
