package dev.hako.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hako.ui.common.FailureText;
import dev.hako.ui.common.I18n;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A certificate that cannot be read is explained by what went wrong, once, in the user's language. */
class ServerCertificateProbeTest {

    @Test
    void aRefusedConnectionIsSaidInTheUsersLanguage() throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = free.getLocalPort();
        }
        Throwable refused = catchThrowable(() -> ServerCertificateProbe.probe(
                RemoteAddress.parse("127.0.0.1:" + closedPort), Duration.ofSeconds(5)));

        assertThat(refused).isInstanceOf(ServerCertificateProbe.UnreadableException.class);
        assertThat(FailureText.of(new I18n(Locale.ENGLISH), refused))
                .startsWith("Nothing answers at https://127.0.0.1:" + closedPort + ": the connection was refused.")
                .doesNotContain("Connection refused");
        assertThat(FailureText.of(new I18n(Locale.JAPANESE), refused))
                .startsWith("https://127.0.0.1:" + closedPort + " で応答するものがありません").doesNotContain("refused");
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Throwable silence = catchThrowable(() -> ServerCertificateProbe.probe(
                    RemoteAddress.parse("127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(500)));

            assertThat(FailureText.of(new I18n(Locale.ENGLISH), silence))
                    .isEqualTo("No answer from https://127.0.0.1:" + silent.getLocalPort()
                            + " in time. Check the address, and that no firewall is in the way.");
        }
    }
}
