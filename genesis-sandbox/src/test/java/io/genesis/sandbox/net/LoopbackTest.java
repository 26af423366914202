package io.genesis.sandbox.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoopbackTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"http://127.0.0.1:8080/", "http://localhost:80", "http://[::1]:9000/x", "http://127.0.0.2:1"})
    void shouldAcceptLoopbackHttpAddresses(String address) {
        URI uri = URI.create(address);

        assertThat(Loopback.requireLoopbackHttp("target", uri)).isSameAs(uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://10.0.0.1:8080/", "http://192.168.1.2:80", "http://example.com:80/", "http://8.8.8.8:53"})
    void shouldRejectAddressesOffThisMachine(String address) {
        assertThatThrownBy(() -> Loopback.requireLoopbackHttp("target", URI.create(address)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target must be on the loopback interface");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1:8443/", "http://127.0.0.1/", "file:///tmp/x"})
    void shouldRejectAddressesThatAreNotPlainHttpWithAPort(String address) {
        assertThatThrownBy(() -> Loopback.requireLoopbackHttp("target", URI.create(address)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target must look like http://127.0.0.1:<port>");
    }

    @Test
    void shouldRejectAMissingAddress() {
        assertThatThrownBy(() -> Loopback.requireLoopbackHttp("target", null))
                .hasMessageContaining("target is required");
    }

    @Test
    void shouldFindAFreePortInTheUnprivilegedRange() {
        int port = Loopback.freePort();

        assertThat(port).isBetween(1024, 65_535);
        assertThat(Loopback.httpUri(port)).hasToString("http://127.0.0.1:" + port);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65_536})
    void shouldRejectPortsOutOfRange(int port) {
        assertThatThrownBy(() -> Loopback.httpUri(port)).hasMessageContaining("port must be between 1 and 65535");
    }
}
