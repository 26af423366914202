package io.genesis.core.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one policy document says.
 *
 * @param environments the environments it defines
 * @param targets the {@code target:} mapping of each environment that has one, by environment
 *     name, as written: only the command line deploys to a target named here, and checks it
 *     against the target kind
 * @param entries the entries as written, to know which keys were set
 */
public record PolicyDocument(
        Environments environments, Map<String, Map<String, Object>> targets, List<PolicyEntry> entries) {

    public PolicyDocument {
        Objects.requireNonNull(environments, "environments");
        targets = Collections.unmodifiableMap(new LinkedHashMap<>(targets));
        entries = List.copyOf(entries);
    }

    /** The entry that defines {@code environment}, if this document defines it. */
    public Optional<PolicyEntry> entry(String environment) {
        return entries.stream().filter(e -> e.name().equals(environment)).findFirst();
    }
}
