package io.genesis.kubernetes.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {

    @ParameterizedTest(name = "{0}: {7}")
    @CsvSource(delimiter = '|', textBlock = """
        observed old generation | 2 | 1 | 4 | 4 | 4 | 4 | PROGRESSING | waiting for the controller to observe generation 2
        updating                | 2 | 2 | 4 | 3 | 4 | 4 | PROGRESSING | 3 of 4 replicas updated
        old pods terminating    | 2 | 2 | 4 | 4 | 5 | 5 | PROGRESSING | 1 old replicas pending termination
        not yet available       | 2 | 2 | 4 | 4 | 4 | 3 | PROGRESSING | 3 of 4 updated replicas available
        complete                | 2 | 2 | 4 | 4 | 4 | 4 | COMPLETE    | 4 of 4 replicas updated and available
        """)
    void shouldReadRolloutStatusLikeKubectl(
            String what,
            long generation,
            long observed,
            int desired,
            int updated,
            int replicas,
            int available,
            Progress.State state,
            String message) {
        Progress progress = Progress.of(deployment(generation, observed, desired, updated, replicas, available, null));

        assertThat(progress.state()).isEqualTo(state);
        assertThat(progress.message()).isEqualTo("deployment shop: " + message);
    }

    @ParameterizedTest
    @CsvSource({"ProgressDeadlineExceeded, FAILED", "ReplicaSetUpdated, PROGRESSING", "NewReplicaSetAvailable, COMPLETE"
    })
    void shouldFailOnlyWhenTheProgressDeadlineIsExceeded(String reason, Progress.State state) {
        Deployment deployment = deployment(3, 3, 2, "COMPLETE".equals(state.name()) ? 2 : 1, 2, 2, reason);

        Progress progress = Progress.of(deployment);

        assertThat(progress.state()).isEqualTo(state);
        assertThat(progress.isDone()).isEqualTo(state != Progress.State.PROGRESSING);
    }

    private static Deployment deployment(
            long generation, long observed, int desired, int updated, int replicas, int available, String reason) {
        DeploymentBuilder builder = new DeploymentBuilder()
                .withNewMetadata()
                .withName("shop")
                .withGeneration(generation)
                .endMetadata()
                .withNewSpec()
                .withReplicas(desired)
                .withProgressDeadlineSeconds(600)
                .endSpec()
                .withNewStatus()
                .withObservedGeneration(observed)
                .withUpdatedReplicas(updated)
                .withReplicas(replicas)
                .withAvailableReplicas(available)
                .endStatus();
        if (reason != null) {
            builder.editStatus()
                    .addNewCondition()
                    .withType("Progressing")
                    .withStatus("ProgressDeadlineExceeded".equals(reason) ? "False" : "True")
                    .withReason(reason)
                    .endCondition()
                    .endStatus();
        }
        return builder.build();
    }
}
