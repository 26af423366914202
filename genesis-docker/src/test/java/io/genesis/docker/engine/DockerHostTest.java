package io.genesis.docker.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerHostTest {

    @Test
    void shouldReadDockerHostLikeTheDockerCommand() {
        Path home = Path.of("/srv/ci");
        assertThat(DockerHost.fromEnvironment(Map.of(), home).socket()).isEqualTo(Path.of("/var/run/docker.sock"));
        assertThat(DockerHost.fromEnvironment(Map.of("DOCKER_HOST", "unix:///tmp/d.sock"), home)
                        .socket())
                .isEqualTo(Path.of("/tmp/d.sock"));
        DockerHost tcp = DockerHost.parse("tcp://127.0.0.1:2375");
        assertThat(tcp.unixSocket()).isFalse();
        assertThat(tcp.uri().getPort()).isEqualTo(2375);
        assertThat(tcp.tls()).isEmpty();
        DockerHost tls = DockerHost.fromEnvironment(
                Map.of("DOCKER_HOST", "tcp://127.0.0.1:2376", "DOCKER_TLS_VERIFY", "1"), home);
        assertThat(tls.tls()).contains(Path.of("/srv/ci/.docker"));
        assertThat(tls.describe()).isEqualTo("tcp://127.0.0.1:2376 with TLS from /srv/ci/.docker");
        assertThat(DockerHost.fromEnvironment(
                                Map.of(
                                        "DOCKER_HOST",
                                        "tcp://127.0.0.1:2376",
                                        "DOCKER_TLS_VERIFY",
                                        "1",
                                        "DOCKER_CERT_PATH",
                                        "/etc/docker/certs"),
                                home)
                        .tls())
                .contains(Path.of("/etc/docker/certs"));
        assertThatThrownBy(() -> DockerHost.parse("unix:///tmp/d.sock").withTls(Path.of("/srv/ci")))
                .hasMessageContaining("TLS files apply to tcp:// hosts only");
    }

    @Test
    void shouldReadAnSshHostAsTheDockerCommandDoes() {
        DockerHost ssh = DockerHost.parse("ssh://deploy@127.0.0.1:2222");

        assertThat(ssh.ssh()).isTrue();
        assertThat(ssh.unixSocket()).isFalse();
        assertThat(ssh.uri().getUserInfo()).isEqualTo("deploy");
        assertThat(ssh.uri().getPort()).isEqualTo(2222);
        assertThat(DockerHost.parse("ssh://127.0.0.1").ssh()).isTrue();
        assertThatThrownBy(() -> ssh.withTls(Path.of("/srv/ci"))).hasMessageContaining("tcp:// hosts only");
    }

    @Test
    void shouldSayWhatItCannotReach() {
        assertThatThrownBy(() -> DockerHost.parse("http://host:2375"))
                .hasMessageContaining("'http://host:2375' is not supported")
                .hasMessageContaining("ssh://[user@]host[:port]");
        assertThatThrownBy(() -> DockerHost.parse("ssh://me@host/var/run/docker.sock"))
                .hasMessageContaining("must be ssh://[user@]host[:port] with nothing after the host");
        assertThatThrownBy(() -> DockerHost.parse("tcp://127.0.0.1")).hasMessageContaining("needs a host and a port");
        assertThatThrownBy(() -> DockerHost.parse("unix://")).hasMessageContaining("'unix://' is not an address");
        assertThatThrownBy(() -> DockerHost.parse("unix:docker.sock")).hasMessageContaining("names no socket");
    }
}
