package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.genesis.core.history.RecordStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExitCodeTest {

    @ParameterizedTest
    @CsvSource({"SUCCEEDED, 0", "ROLLED_BACK, 1", "FAILED, 1", "ABORTED, 3"})
    void shouldSayHowARolloutEnded(RecordStatus status, int code) {
        assertThat(ExitCode.of(status).code()).isEqualTo(code);
    }
}
