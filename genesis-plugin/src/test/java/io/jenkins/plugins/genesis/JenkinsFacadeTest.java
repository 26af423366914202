package io.jenkins.plugins.genesis;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JenkinsFacadeTest {

    @Test
    void shouldRefuseAMissingPermissionInsteadOfSkippingTheCheck() {
        assertThatThrownBy(() -> JenkinsFacade.checkPermission(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("permission");
    }
}
