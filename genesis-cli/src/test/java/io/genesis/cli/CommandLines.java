package io.genesis.cli;

import io.genesis.core.history.DeploymentRecord;
import io.genesis.core.history.HistoryQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The command lines the command tests run, so that each test spells out only what it is about: deploys
 * of an application from one commit, rollbacks of shop in staging, each with its state in the test's
 * directory; and the records they leave there.
 */
final class CommandLines {

    static final String COMMIT = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";

    private CommandLines() {}

    /** {@code genesis deploy} of {@code application} from {@link #COMMIT}, its state in {@code state}, then {@code more}. */
    static String[] deploy(Path state, String application, String... more) {
        return deployFrom(COMMIT, state, application, more);
    }

    /** {@code genesis deploy} of {@code application} from {@code commit}, its state in {@code state}, then {@code more}. */
    static String[] deployFrom(String commit, Path state, String application, String... more) {
        return concat(
                List.of("deploy", "--application", application, "--commit", commit, "--state-dir", state.toString()),
                more);
    }

    /** {@code genesis rollback} of shop in staging, its state in {@code state}, then {@code more}. */
    static String[] rollback(Path state, String... more) {
        return concat(
                List.of(
                        "rollback",
                        "--application",
                        "shop",
                        "--environment",
                        "staging",
                        "--state-dir",
                        state.toString()),
                more);
    }

    /** Every record in {@code state}'s history, newest first. */
    static List<DeploymentRecord> records(Path state) {
        return new StateDir(state).history().all(HistoryQuery.newest(1));
    }

    /** {@code first}, then {@code more}. */
    static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** How many rollout state files {@code state} holds: whether a killed deploy had stored its rollout. */
    static long storedRollouts(Path state) throws IOException {
        Path rollouts = state.resolve("rollouts");
        if (!Files.isDirectory(rollouts)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(rollouts)) {
            return files.filter(f -> f.getFileName().toString().matches("r-.*\\.json"))
                    .count();
        }
    }
}
