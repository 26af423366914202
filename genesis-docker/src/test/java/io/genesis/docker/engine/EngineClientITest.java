package io.genesis.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.genesis.docker.testing.TestEngine;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Engine API client against the real engine: over its unix socket, and over TCP with TLS. */
class EngineClientITest {

    @Test
    void shouldReachTheEngineOverTcpWithTlsAndClientCertificates() {
        TestEngine engine = TestEngine.get();
        assumeTrue(engine.tlsHost().isPresent(), "openssl is needed to make the test certificates");
        DockerHost tls = engine.tlsHost().get();

        assertThat(new EngineClient(tls).version()).isEqualTo(engine.client().version());
        DockerHost withoutTls = new DockerHost(URI.create(tls.uri().toString()), Optional.empty());
        assertThatThrownBy(() -> new EngineClient(withoutTls).version())
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("read the engine's version");
    }

    @Test
    void shouldSayWhenTheEngineCannotBeReached() {
        EngineClient nowhere = new EngineClient(DockerHost.parse("unix:///tmp/genesis-no-such-engine.sock"));

        assertThatThrownBy(nowhere::version)
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("the Docker engine at unix:///tmp/genesis-no-such-engine.sock did not answer")
                .hasMessageContaining("check that dockerd runs");
        assertThat(nowhere.host().unixSocket()).isTrue();
    }
}
