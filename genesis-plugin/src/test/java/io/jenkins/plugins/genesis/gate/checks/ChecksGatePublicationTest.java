package io.jenkins.plugins.genesis.gate.checks;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.genesis.gate.GateCheck;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksGatePublicationTest {

    @ParameterizedTest
    @CsvSource({"SUCCESS, SUCCESS", "NEUTRAL, NEUTRAL", "FAILURE, FAILURE"})
    void shouldMapEveryConclusionToTheChecksApis(GateCheck.Conclusion conclusion, ChecksConclusion expected) {
        assertThat(ChecksGatePublication.conclusion(conclusion)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void shouldBeLeftOutWhereTheChecksApiPluginIsNotInstalled() {
        assertThat(ChecksGatePublication.class.getAnnotation(Extension.class).optional())
                .isTrue();
    }
}
