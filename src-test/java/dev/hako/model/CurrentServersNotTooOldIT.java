package dev.hako.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.ServerKind;
import dev.hako.lxd.ServerTooOldException;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The servers Hako is for (the test bed's LXD 5.0 and Incus 6) are not taken for too old ones. */
class CurrentServersNotTooOldIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aTestBedServerHasTheInstancesApiAndComesOnline(Daemon daemon) throws Exception {
        try (RemoteModel model = new RemoteModel("tb", new Endpoint.UnixSocket(TestBed.socket(daemon)))) {
            model.start();
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!model.state().online() && model.state().status() != ConnectionState.Status.TOO_OLD
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(model.state().status()).as("state %s", model.state()).isEqualTo(ConnectionState.Status.ONLINE);
            assertThat(model.state().kind()).isEqualTo(daemon == Daemon.LXD ? ServerKind.LXD : ServerKind.INCUS);
            assertThat(model.client().serverInfo().hasExtension(ServerTooOldException.INSTANCES_API)).isTrue();
            assertThat(ServerTooOldException.of(model.client().serverInfo())).isNull();
        }
    }
}
