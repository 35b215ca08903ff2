package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemoteAddressTest {

    @Test
    void theFormsPeopleType() {
        assertThat(RemoteAddress.parse("lab")).isEqualTo(new RemoteAddress("lab", 8443));
        assertThat(RemoteAddress.parse(" lab:9443 ")).isEqualTo(new RemoteAddress("lab", 9443));
        assertThat(RemoteAddress.parse("https://10.0.0.5:8444/")).isEqualTo(new RemoteAddress("10.0.0.5", 8444));
        assertThat(RemoteAddress.parse("HTTPS://lab")).isEqualTo(new RemoteAddress("lab", 8443));
        assertThat(RemoteAddress.parse("[::1]:8445")).isEqualTo(new RemoteAddress("::1", 8445));
        assertThat(RemoteAddress.parse("fd00::5")).isEqualTo(new RemoteAddress("fd00::5", 8443));
        assertThat(RemoteAddress.parse("[fd00::5]").url()).isEqualTo("https://[fd00::5]:8443");
        assertThat(RemoteAddress.parse("lab:9443").url()).isEqualTo("https://lab:9443");
    }

    @Test
    void refusesWhatCannotBeAServer() {
        assertThatThrownBy(() -> RemoteAddress.parse("")).hasMessageContaining("no host");
        assertThatThrownBy(() -> RemoteAddress.parse("http://lab")).hasMessageContaining("https://");
        assertThatThrownBy(() -> RemoteAddress.parse("lab:port")).hasMessageContaining("port");
        assertThatThrownBy(() -> RemoteAddress.parse("lab:70000")).hasMessageContaining("65535");
        assertThatThrownBy(() -> RemoteAddress.parse("https://lab/1.0")).hasMessageContaining("path");
        assertThatThrownBy(() -> RemoteAddress.parse("my lab")).hasMessageContaining("not a host");
    }
}
