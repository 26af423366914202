package io.genesis.core.gate;

import io.genesis.core.policy.FindingBounds;
import java.util.List;
import java.util.Objects;

/**
 * What a request asks of security findings: which reports to read, whether only findings new
 * against the tool's baseline count, and bounds tighter than the environment's.
 *
 * @param reports patterns of SARIF, Bandit, pip-audit, OSV-Scanner, gitleaks or TruffleHog files
 * @param newOnly count only results a SARIF tool marked as new against its baseline
 * @param bounds bounds that tighten the environment's (never loosen them)
 */
public record FindingsRequest(List<ReportGlob> reports, boolean newOnly, FindingBounds bounds) {

    public static final FindingsRequest NONE = new FindingsRequest(List.of(), false, FindingBounds.NONE);

    public FindingsRequest {
        reports = List.copyOf(reports);
        Objects.requireNonNull(bounds, "bounds");
    }
}
