package dev.hako.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.Endpoint;
import dev.hako.lxd.LxdException;
import dev.hako.lxd.NotFoundException;
import dev.hako.lxd.UnreachableException;
import dev.hako.lxd.api.Instance;
import dev.hako.lxd.api.InstanceStatus;
import dev.hako.model.RemoteModel;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk actions: which of a selection an action applies to, and how the failures of several calls are told. */
class BulkActionsTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final ActionContext context = new ActionContext(() -> null, i18n, null, new CurrentThreadTaskExecutor(),
            dialogs);
    private final List<String> done = Collections.synchronizedList(new ArrayList<>());

    private static Instance instance(String name, int status) {
        return new Instance(name, "", "x86_64", "container", "", status, Map.of(), Map.of(), false, List.of(),
                false, Map.of(), Map.of(), null, null, null, null);
    }

    @Test
    void eachActionTakesOnlyTheInstancesItAppliesTo() {
        List<Instance> selection = List.of(instance("run", InstanceStatus.RUNNING),
                instance("stop", InstanceStatus.STOPPED), instance("frozen", InstanceStatus.FROZEN));
        assertThat(InstanceActions.startable(selection)).extracting(Instance::name).containsExactly("stop", "frozen");
        assertThat(InstanceActions.active(selection)).extracting(Instance::name).containsExactly("run", "frozen");
        assertThat(InstanceActions.freezable(selection)).extracting(Instance::name).containsExactly("run");
        assertThat(InstanceActions.frozen(selection)).extracting(Instance::name).containsExactly("frozen");
    }

    /** The headlines the instance list's Delete gives, in the language of {@code language}. */
    private static ActionContext.BulkHeadlines deleteHeadlines(I18n language) {
        return new ActionContext.BulkHeadlines(name -> language.format("action.delete.failedOne", name),
                (failed, total) -> language.format("action.delete.failedMany", failed, total));
    }

    @Test
    void everyCallRunsAndOneFailureIsShownWithItsObjectsName() {
        NotFoundException gone = new NotFoundException("GET failed", 404, "Instance not found");
        context.performEach(deleteHeadlines(i18n), List.of("a", "b", "c"), name -> {
            if (name.equals("b")) {
                throw gone;
            }
            done.add(name);
        }, () -> done.add("refresh"));
        assertThat(done).containsExactlyInAnyOrder("a", "c", "refresh");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.header()).isEqualTo("Could not delete b");
            // The failure itself, so the dialog gives the hint that fits it.
            assertThat(shown.failure()).isSameAs(gone);
        });
    }

    @Test
    void severalFailuresAreListedTogetherInTheSelectionsOrder() {
        context.performEach(deleteHeadlines(i18n), List.of("a", "b", "c"), name -> {
            if (!name.equals("b")) {
                throw new LxdException("PUT failed", 400, name + " is busy");
            }
        }, () -> { });
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("errors");
            assertThat(shown.header()).isEqualTo("Could not delete 2 of 3 instances");
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("a", "a is busy");
            expected.put("c", "c is busy");
            assertThat(shown.text()).isEqualTo(expected.toString());
        });
    }

    @Test
    void theHeadlinesAreSentencesOfTheirOwnInJapanese() {
        I18n japanese = new I18n(Locale.JAPANESE);
        ScriptedDialogService told = new ScriptedDialogService(japanese);
        ActionContext inJapanese = new ActionContext(() -> null, japanese, null, new CurrentThreadTaskExecutor(),
                told);
        inJapanese.performEach(deleteHeadlines(japanese), List.of("web", "db"), name -> {
            if (name.equals("db")) {
                throw new LxdException("DELETE failed", 400, "busy");
            }
        }, () -> { });
        inJapanese.performEach(deleteHeadlines(japanese), List.of("a", "b", "c", "d", "e"), name -> {
            if (name.equals("b") || name.equals("d")) {
                throw new LxdException("DELETE failed", 400, "busy");
            }
        }, () -> { });
        assertThat(told.shown()).extracting(ScriptedDialogService.Shown::header).containsExactly(
                "db を削除できませんでした", "5 個のインスタンスのうち 2 個を削除できませんでした");
    }

    @Test
    void aBulkActionInterruptedBeforeItsEndNamesWhatItWasFor() {
        // Interrupted while waiting for the calls: what became of them is not known.
        Thread.currentThread().interrupt();
        try {
            context.performEach(deleteHeadlines(i18n), List.of("a", "b"), name -> { }, () -> done.add("refresh"));
        } finally {
            Thread.interrupted();
        }
        assertThat(done).isEmpty();
        assertThat(dialogs.shown()).singleElement().satisfies(shown ->
                assertThat(shown.header()).isEqualTo("Could not delete 2 of 2 instances"));
    }

    @Test
    void anOfflineRemoteIsToldInsteadOfActedOn() {
        RemoteModel remote = new RemoteModel("away", new Endpoint.UnixSocket(Path.of("/nonexistent")));
        try {
            assertThat(context.clientOf(remote)).isNull();
            assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
                assertThat(shown.header()).isEqualTo("away is not connected");
                assertThat(shown.failure()).isInstanceOf(UnreachableException.class);
            });
            new InstanceActions(context).start(remote, List.of(instance("x", InstanceStatus.STOPPED)));
            assertThat(dialogs.shown()).hasSize(2);
        } finally {
            remote.close();
        }
    }
}
