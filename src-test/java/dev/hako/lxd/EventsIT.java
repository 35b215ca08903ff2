package dev.hako.lxd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.api.Event;
import dev.hako.testbed.Daemon;
import dev.hako.testbed.Instances;
import dev.hako.testbed.TestBed;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventsIT {

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void lifecycleEventsArriveForChangesByAnotherClient(Daemon daemon) throws Exception {
        try (LxdClient client = TestBed.connect(daemon)) {
            LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
            client.events().addListener(events::add);
            assertThat(client.events().awaitOpen(Duration.ofSeconds(5))).isTrue();

            String name = TestBed.uniqueName("evt");
            TestBed.cli(daemon, "init", TestBed.imageAlias(), name);
            try {
                Event created = next(events, "instance-created", name);
                assertThat(created.isLifecycle()).isTrue();
                assertThat(created.source()).isEqualTo("/1.0/instances/" + name);

                TestBed.cli(daemon, "start", name);
                next(events, "instance-started", name);
                TestBed.cli(daemon, "stop", "--force", name);
                next(events, "instance-stopped", name);
                TestBed.cli(daemon, "delete", name);
                next(events, "instance-deleted", name);
            } finally {
                Instances.remove(client, name);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Daemon.class)
    void projectsMadeElsewhereAreHeardButOtherProjectsInstancesAreNot(Daemon daemon) throws Exception {
        // The server sends project-created in the new project, not in the one this client uses.
        try (LxdClient client = TestBed.connect(daemon)) {
            LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
            client.events().addListener(events::add);
            assertThat(client.events().awaitOpen(Duration.ofSeconds(5))).isTrue();
            String project = TestBed.uniqueName("evp");
            String elsewhere = TestBed.uniqueName("evo");
            String here = TestBed.uniqueName("evh");
            TestBed.cli(daemon, "project", "create", project, "-c", "features.images=false",
                    "-c", "features.profiles=false");
            try {
                next(events, "project-created", project);
                TestBed.cli(daemon, "init", TestBed.imageAlias(), elsewhere, "--project", project);
                TestBed.cli(daemon, "init", TestBed.imageAlias(), here);
                next(events, "instance-created", here);
                assertThat(events).noneMatch(e -> elsewhere.equals(e.sourceName()));
                TestBed.cli(daemon, "delete", elsewhere, "--project", project);
                TestBed.cli(daemon, "project", "delete", project);
                next(events, "project-deleted", project);
            } finally {
                Instances.remove(client, here);
            }
        }
    }

    private static Event next(LinkedBlockingQueue<Event> events, String action, String name)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && action.equals(event.action()) && name.equals(event.sourceName())) {
                return event;
            }
        }
        throw new AssertionError("no " + action + " event for " + name + " within 10 s");
    }
}
