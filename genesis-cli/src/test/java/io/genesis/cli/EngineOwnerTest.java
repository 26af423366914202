package io.genesis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineOwnerTest {

    private static String host() throws Exception {
        return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    }

    @Test
    void shouldNameThisProcessAndKnowItIsAlive() {
        EngineOwner owner = EngineOwner.ofThisProcess();

        assertThat(owner.name()).matches("genesis@.+#\\d+\\.[0-9a-f]{6}");
        assertThat(owner.pid()).hasValue(ProcessHandle.current().pid());
        assertThat(owner.inThisProcess()).isTrue();
        assertThat(owner.certainlyEnded()).isFalse();
        assertThat(owner.describe())
                .startsWith("genesis process " + ProcessHandle.current().pid() + " on ");
        assertThat(EngineOwner.ofThisProcess()).isNotEqualTo(owner);
    }

    @Test
    void shouldKnowAProcessOfThisMachineHasEnded() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();

        EngineOwner owner = new EngineOwner("genesis@" + host() + "#" + process.pid() + ".abc123");

        assertThat(owner.certainlyEnded()).isTrue();
        assertThat(owner.inThisProcess()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "genesis@another-host#1.abc123, genesis process 1 on another-host",
        "jenkins@ci-1, engine jenkins@ci-1",
        "genesis@host#notapid.abc, engine genesis@host#notapid.abc"
    })
    void shouldNeverDeclareAnOwnerItCannotCheckEnded(String name, String description) {
        EngineOwner owner = new EngineOwner(name);

        assertThat(owner.certainlyEnded()).isFalse();
        assertThat(owner.inThisProcess()).isFalse();
        assertThat(owner.describe()).isEqualTo(description);
    }
}
