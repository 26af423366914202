package io.genesis.docker.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HaproxyConfigTest {

    @Test
    void shouldReadBackTheServersAndPortItWrote() {
        HaproxyConfig config = HaproxyConfig.empty(8080)
                .with(new ProxyServer("shop-prod-blue-1", 40001, 90))
                .with(new ProxyServer("shop-prod-green-1", 40002, 10));

        String text = config.render("/run/genesis/admin.sock", "/run/genesis/haproxy.pid");

        assertThat(text)
                .contains("bind 127.0.0.1:8080")
                .contains("stats socket /run/genesis/admin.sock mode 600 level admin")
                .contains("server shop-prod-blue-1 127.0.0.1:40001 weight 90");
        assertThat(HaproxyConfig.parse(text, "haproxy.cfg")).isEqualTo(config);
        assertThat(HaproxyConfig.parse(config.without("shop-prod-blue-1").render("s", "p"), "haproxy.cfg")
                        .servers())
                .containsOnlyKeys("shop-prod-green-1");
    }

    @Test
    void shouldRefuseAFileGenesisDidNotWrite() {
        assertThatThrownBy(() -> HaproxyConfig.parse("frontend x\n  bind *:80\n", "/etc/haproxy/haproxy.cfg"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/etc/haproxy/haproxy.cfg")
                .hasMessageContaining("not written by Genesis");
    }

    @Test
    void shouldRefuseBadServers() {
        assertThatThrownBy(() -> new ProxyServer("bad name", 1, 1)).hasMessageContaining("'bad name'");
        assertThatThrownBy(() -> new ProxyServer("a", 70000, 1)).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> new ProxyServer("a", 1, 257)).hasMessageContaining("weight 257 is not 0-256");
        assertThatThrownBy(() -> HaproxyConfig.empty(0)).hasMessageContaining("proxy port 0");
    }

    @Test
    void shouldCountSinceAnEarlierReadingAndRestartWhenTheServerWasReAdded() {
        ServerCounters earlier = new ServerCounters(10, 2, 1);
        ServerCounters now = new ServerCounters(30, 5, 1);

        assertThat(now.since(earlier)).isEqualTo(new ServerCounters(20, 3, 0));
        assertThat(now.since(earlier).requests()).isEqualTo(20);
        assertThat(now.since(earlier).errors()).isEqualTo(3);
        assertThat(new ServerCounters(4, 0, 0).since(earlier)).isEqualTo(new ServerCounters(4, 0, 0));
        assertThat(earlier.plus(now)).isEqualTo(new ServerCounters(40, 7, 2));
    }
}
