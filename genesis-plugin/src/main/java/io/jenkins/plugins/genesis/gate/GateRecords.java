package io.jenkins.plugins.genesis.gate;

import io.genesis.core.gate.RecordedBaseline;
import io.genesis.core.gate.record.GateRecord;
import io.genesis.core.gate.record.GateRecordJson;
import io.genesis.core.target.Version;
import io.jenkins.plugins.genesis.deploy.DeployEngine;

/**
 * What {@code genesisGate} keeps in the controller's store (the one {@code genesisDeploy}'s promotion
 * check reads) and takes from it: the verdict for the build's commit, and the benchmark baseline of
 * the version that runs in the environment now. The rules are the engine's; this only maps.
 */
final class GateRecords {

    private GateRecords() {}

    /** The build's commit when it is one ({@code GIT_COMMIT}), else {@code null}: nothing is recorded. */
    static String commit(String variable) {
        if (variable == null || variable.isBlank()) {
            return null;
        }
        try {
            return Version.requireCommit(variable.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The recorded baseline as JSON for the agent, when benchmarks are gated without baseline files;
     * else {@code null}.
     */
    static String baseline(GateSettings settings, String environment) {
        if (settings.benchmarks == null || settings.benchmarks.isBlank()) {
            return null;
        }
        if (settings.benchmarkBaseline != null && !settings.benchmarkBaseline.isBlank()) {
            return null;
        }
        RecordedBaseline baseline = settings.application == null || settings.application.isBlank()
                ? RecordedBaseline.none(
                        "none given, and no application: to look up the version that runs in " + environment)
                : DeployEngine.deployedBaseline(settings.application, environment);
        return GateRecordJson.write(baseline);
    }

    /**
     * Keeps the agent's record of this gate, attributed to {@code build}.
     *
     * @return the console line that says so
     */
    static String keep(String recordJson, String build) {
        GateRecord read = GateRecordJson.read(recordJson);
        GateRecord record = new GateRecord(
                read.commit(),
                read.environment(),
                read.version(),
                read.verdict(),
                read.recordedAt(),
                build,
                read.lines(),
                read.benchmarks(),
                read.benchmarksCut());
        DeployEngine.gateRecords().save(record);
        return "  recorded  " + record.verdict() + " for commit " + GateRecord.abbreviated(record.commit())
                + " against " + record.environment() + "'s bar";
    }
}
