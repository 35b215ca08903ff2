package dev.hako.ui.view.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hako.lxd.Endpoint;
import dev.hako.lxd.Json;
import dev.hako.model.RemoteModel;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.TestBed;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The monitor's own stream against each daemon: an instance the CLI creates shows as its
 * lifecycle event (and the server's logging), filters and search narrow to it, a paused
 * monitor holds the table while the CLI deletes it, the export has the event as a JSON
 * line, and a closed monitor holds no stream.
 */
class EventMonitorIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void showsFiltersPausesAndExportsWhatTheCliCauses(Daemon daemon, @TempDir Path dir) throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        try (RemoteModel remote = new RemoteModel("local", new Endpoint.UnixSocket(TestBed.socket(daemon)))) {
            remote.start();
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online());
            EventMonitorViewModel model = new EventMonitorViewModel(() -> List.of(remote), i18n,
                    new CurrentThreadTaskExecutor(), new ScriptedDialogService(i18n), 500);
            assertThat(model.listensTo("local")).isFalse();
            model.open();
            assertThat(model.listensTo("local")).isTrue();
            // Wait until the stream is open: something Hako itself asks shows as the server's debug log.
            model.minLevelProperty().set(EventMonitorViewModel.Level.DEBUG);
            remote.refresh();
            waitForRow(model, r -> r.type().equals("logging"));

            String name = TestBed.uniqueName("mon");
            TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
            waitForRow(model, r -> r.action().equals("instance-created") && r.source().endsWith("/" + name));
            waitForRow(model, r -> r.type().equals("operation") && r.source().endsWith("/" + name));

            model.queryProperty().set(name);
            assertThat(model.shown()).isNotEmpty().allMatch(r -> r.searchable().contains(name));
            model.operationProperty().set(false);
            model.loggingProperty().set(false);
            assertThat(model.shown()).isNotEmpty().allMatch(r -> r.type().equals("lifecycle"));
            model.lifecycleProperty().set(false);
            assertThat(model.shown()).isEmpty();
            model.lifecycleProperty().set(true);

            model.pausedProperty().set(true);
            int before = model.rows().size();
            TestBed.cli(daemon, "delete", name);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
                model.flush();
                return model.pendingCount() > 0;
            });
            assertThat(model.rows()).hasSize(before);
            model.pausedProperty().set(false);
            assertThat(model.shown()).anyMatch(r -> r.action().equals("instance-deleted"));

            Path file = dir.resolve("events.jsonl");
            model.exportTo(file);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(model.shown().size());
            List<JsonNode> exported = lines.stream().map(EventMonitorIT::parse).toList();
            assertThat(exported).anyMatch(e -> e.path("remote").asText().equals("local")
                    && e.path("metadata").path("action").asText().equals("instance-created")
                    && e.path("metadata").path("source").asText().endsWith("/" + name));

            model.close();
            assertThat(model.listensTo("local")).isFalse();
        }
    }

    /**
     * A restricted certificate may not read the server's log: the server refuses the stream
     * (Incus 403, LXD 500 "Forbidden"), and the monitor reopens it without logging and still shows the lifecycle.
     */
    @ParameterizedTest
    @EnumSource(Daemon.class)
    void aRestrictedClientGetsTheStreamWithoutLogging(Daemon daemon) throws Exception {
        I18n i18n = new I18n(Locale.ENGLISH);
        var identity = dev.hako.remote.ClientCertificates.generate("hako-events-test");
        String fingerprint = dev.hako.lxd.CertificateFingerprint.sha256(identity.certificate());
        try (dev.hako.lxd.LxdClient admin = TestBed.connect(daemon)) {
            admin.certificates().add(new dev.hako.lxd.api.CertificatesPost(TestBed.uniqueName("evcert"), "client", true,
                    List.of("default"), java.util.Base64.getEncoder().encodeToString(identity.certificate().getEncoded()),
                    null, null, null));
            Endpoint https = new Endpoint.Https(TestBed.host(daemon), TestBed.port(daemon), identity,
                    admin.serverInfo().environment().certificateFingerprint());
            try (RemoteModel remote = new RemoteModel("restricted", https)) {
                remote.start();
                WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> remote.state().online());
                EventMonitorViewModel model = new EventMonitorViewModel(() -> List.of(remote), i18n,
                        new CurrentThreadTaskExecutor(), new ScriptedDialogService(i18n), 500);
                model.open();
                assertThat(model.hearsLogging("restricted")).isTrue();
                WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
                    model.syncStreams();
                    return model.listensTo("restricted") && !model.hearsLogging("restricted");
                });
                String name = TestBed.uniqueName("mon");
                TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
                try {
                    waitForRow(model, r -> r.action().equals("instance-created") && r.source().endsWith("/" + name));
                } finally {
                    TestBed.cli(daemon, "delete", name);
                    model.close();
                }
            } finally {
                admin.certificates().delete(fingerprint);
            }
        }
    }

    private static void waitForRow(EventMonitorViewModel model,
                                   java.util.function.Predicate<EventMonitorViewModel.Row> wanted) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            model.flush();
            return model.rows().stream().anyMatch(wanted);
        });
    }

    private static JsonNode parse(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
