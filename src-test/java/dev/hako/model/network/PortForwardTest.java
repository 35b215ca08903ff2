package dev.hako.model.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.ServerKind;
import dev.hako.lxd.api.Instance;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Proxy devices: their addresses, the clash rule on one host, NAT's address, and the CLI line. */
class PortForwardTest {

    private static Instance instance(String name, String location, Map<String, Map<String, String>> own,
                                     Map<String, Map<String, String>> expanded) {
        return new Instance(name, "", "x86_64", "container", "Running", 103, Map.of(), own, false, List.of("default"),
                false, Map.of(), expanded, null, null, location, "default");
    }

    private static Map<String, String> proxy(String listen) {
        return Map.of("type", "proxy", "listen", listen, "connect", "tcp:127.0.0.1:80");
    }

    @Test
    void parsesBothSidesOfAProxy() {
        ProxyAddress plain = ProxyAddress.parse("tcp:127.0.0.1:8080").orElseThrow();
        assertThat(plain).isEqualTo(new ProxyAddress("tcp", "127.0.0.1", "8080"));
        ProxyAddress six = ProxyAddress.parse("udp:[::1]:53").orElseThrow();
        assertThat(six).isEqualTo(new ProxyAddress("udp", "::1", "53"));
        assertThat(ProxyAddress.parse("tcp:0.0.0.0:80-82,90").orElseThrow().portList()).containsExactly(80, 81, 82, 90);
        assertThat(ProxyAddress.parse("unix:/run/x.sock")).isEmpty();
        assertThat(ProxyAddress.parse("tcp:[::1]8080")).isEmpty();
        assertThat(ProxyAddress.format("tcp", "::1", 8080)).isEqualTo("tcp:[::1]:8080");
    }

    @Test
    void aListenerClashesOnTheSamePortAndAddressOrAWildcard() {
        ProxyAddress mine = ProxyAddress.parse("tcp:127.0.0.1:8080").orElseThrow();
        assertThat(mine.clashesWith(ProxyAddress.parse("tcp:127.0.0.1:8080").orElseThrow())).isTrue();
        assertThat(mine.clashesWith(ProxyAddress.parse("tcp:0.0.0.0:8000-8100").orElseThrow())).isTrue();
        assertThat(mine.clashesWith(ProxyAddress.parse("udp:127.0.0.1:8080").orElseThrow())).isFalse();
        assertThat(mine.clashesWith(ProxyAddress.parse("tcp:127.0.0.2:8080").orElseThrow())).isFalse();
        assertThat(mine.clashesWith(ProxyAddress.parse("tcp:127.0.0.1:8081").orElseThrow())).isFalse();
    }

    @Test
    void aClashIsLookedForOnTheSameHostOnly() {
        Instance web = instance("web", "none", Map.of(), Map.of("http", proxy("tcp:0.0.0.0:8080")));
        Instance inside = instance("in", "none", Map.of(), Map.of("p", Map.of("type", "proxy", "bind", "instance",
                "listen", "tcp:127.0.0.1:9090", "connect", "tcp:127.0.0.1:80")));
        Instance elsewhere = instance("db", "member2", Map.of(), Map.of("pg", proxy("tcp:127.0.0.1:5432")));
        ProxyAddress want = ProxyAddress.parse("tcp:127.0.0.1:8080").orElseThrow();
        assertThat(PortForwarding.clash(List.of(web, inside, elsewhere), "", want))
                .contains(new PortForwarding.Clash("web", "http", "tcp:0.0.0.0:8080"));
        assertThat(PortForwarding.clash(List.of(web, inside, elsewhere), "none",
                ProxyAddress.parse("tcp:127.0.0.1:9090").orElseThrow())).isEmpty();
        assertThat(PortForwarding.clash(List.of(web, inside, elsewhere), "member1",
                ProxyAddress.parse("tcp:127.0.0.1:5432").orElseThrow())).isEmpty();
        assertThat(PortForwarding.clash(List.of(web, inside, elsewhere), "member2",
                ProxyAddress.parse("tcp:127.0.0.1:5432").orElseThrow())).isPresent();
    }

    @Test
    void listsOwnProxiesBeforeThoseOfProfiles() {
        Map<String, String> own = proxy("tcp:127.0.0.1:8080");
        Instance web = instance("web", "none", Map.of("web", own), Map.of("web", own,
                "admin", proxy("tcp:127.0.0.1:9000"), "eth0", Map.of("type", "nic", "network", "br0")));
        assertThat(PortForwarding.existing(web)).containsExactly(
                new PortForwarding.Existing("web", "tcp:127.0.0.1:8080", "tcp:127.0.0.1:80", false, true),
                new PortForwarding.Existing("admin", "tcp:127.0.0.1:9000", "tcp:127.0.0.1:80", false, false));
    }

    @Test
    void natNeedsAStaticAddressOnAManagedBridge() {
        Instance dynamic = instance("a", "none", Map.of(), Map.of("eth0", Map.of("type", "nic", "network", "br0")));
        Instance fixed = instance("b", "none", Map.of(), Map.of("eth0", Map.of("type", "nic", "network", "br0",
                "ipv4.address", "192.0.2.5")));
        assertThat(PortForwarding.natAddress(dynamic, Set.of("br0"))).isEmpty();
        assertThat(PortForwarding.natAddress(fixed, Set.of("br0"))).contains("192.0.2.5");
        assertThat(PortForwarding.natAddress(fixed, Set.of("br1"))).isEmpty();
    }

    @Test
    void theDeviceAndItsCommand() {
        PortForward forward = new PortForward("proxy-tcp-8080", "tcp", "127.0.0.1", 8080, "127.0.0.1", 80, false);
        assertThat(forward.deviceConfig()).containsExactly(Map.entry("type", "proxy"),
                Map.entry("listen", "tcp:127.0.0.1:8080"), Map.entry("connect", "tcp:127.0.0.1:80"));
        assertThat(forward.addCommand(ServerKind.LXD, "web")).isEqualTo(
                "lxc config device add web proxy-tcp-8080 proxy listen=tcp:127.0.0.1:8080 connect=tcp:127.0.0.1:80");
        PortForward nat = new PortForward("web", "udp", "0.0.0.0", 53, "192.0.2.5", 53, true);
        assertThat(nat.addCommand(ServerKind.INCUS, "dns")).isEqualTo(
                "incus config device add dns web proxy listen=udp:0.0.0.0:53 connect=udp:192.0.2.5:53 nat=true");
        assertThat(PortForward.removeCommand(ServerKind.LXD, "web", "web")).isEqualTo("lxc config device remove web web");
        assertThat(PortForward.suggestedName("tcp", 8080)).isEqualTo("proxy-tcp-8080");
    }
}
