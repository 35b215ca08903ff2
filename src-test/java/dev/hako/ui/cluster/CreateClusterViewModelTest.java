package dev.hako.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Creating a cluster: the address read first, asked for only when missing, then the bootstrap. */
class CreateClusterViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final List<String> calls = new ArrayList<>();

    private CreateClusterViewModel model(String address, RuntimeException bootstrapFailure) {
        return new CreateClusterViewModel(i18n, new CurrentThreadTaskExecutor(), dialogs, "lab", "srv1",
                new CreateClusterViewModel.Server() {
                    @Override
                    public String address() {
                        return address;
                    }

                    @Override
                    public void bootstrap(String member, String newAddress) {
                        calls.add(member + " " + newAddress);
                        if (bootstrapFailure != null) {
                            throw bootstrapFailure;
                        }
                    }
                });
    }

    @Test
    void nothingCanBeDoneUntilTheAddressIsReadAndAKnownAddressIsNotAskedFor() {
        CreateClusterViewModel model = model("192.0.2.10:8443", null);
        assertThat(model.nameProperty().get()).isEqualTo("srv1");
        assertThat(model.problem()).isEqualTo(i18n.get("cluster.create.reading"));
        model.load();
        assertThat(model.addressNeededProperty().get()).isFalse();
        assertThat(model.addressStateProperty().get()).contains("192.0.2.10:8443");
        assertThat(model.problem()).isNull();
        model.nameProperty().set("1st");
        assertThat(model.problem()).isEqualTo(i18n.get("cluster.problem.name"));
        model.nameProperty().set("node1");
        model.finish(() -> calls.add("closed"), () -> calls.add("failed"));
        assertThat(calls).containsExactly("node1 null", "closed");
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> assertThat(shown.header())
                .isEqualTo(i18n.format("cluster.create.done", "lab", "node1")));
    }

    @Test
    void aServerWithoutAnAddressIsGivenOneThatIsNotAWildcard() {
        CreateClusterViewModel model = model(null, null);
        model.load();
        assertThat(model.addressNeededProperty().get()).isTrue();
        assertThat(model.problem()).isEqualTo(i18n.get("cluster.create.problem.address"));
        for (String bad : List.of("192.0.2.10", "0.0.0.0:8443", "[::]:8443", "host:0", "host:99999", ":8443")) {
            model.addressProperty().set(bad);
            assertThat(model.problem()).as(bad).isEqualTo(i18n.get("cluster.create.problem.address"));
        }
        model.addressProperty().set("[2001:db8::1]:8443");
        assertThat(model.problem()).isNull();
        model.addressProperty().set(" 192.0.2.10:8443 ");
        model.nameProperty().set("node1");
        model.finish(() -> calls.add("closed"), () -> calls.add("failed"));
        assertThat(calls).containsExactly("node1 192.0.2.10:8443", "closed");
    }

    @Test
    void aRefusedBootstrapKeepsTheDialogOpenWithTheServersWords() {
        LxdException refused = new LxdException("PUT failed", 400, "This server is already clustered");
        CreateClusterViewModel model = model("192.0.2.10:8443", refused);
        model.load();
        model.finish(() -> calls.add("closed"), () -> calls.add("failed"));
        assertThat(calls).containsExactly("srv1 null", "failed");
        assertThat(dialogs.errors()).containsExactly(refused);
        assertThat(dialogs.shown().get(0).header()).isEqualTo("Could not create a cluster on lab");
    }

    @Test
    void anUnreadableServerSaysWhyInTheWindowsLanguage() {
        I18n ja = new I18n(Locale.JAPANESE);
        CreateClusterViewModel model = new CreateClusterViewModel(ja, new CurrentThreadTaskExecutor(),
                new ScriptedDialogService(ja), "lab", null, new CreateClusterViewModel.Server() {
                    @Override
                    public String address() {
                        throw new LxdException("GET failed", 403, "not authorized");
                    }

                    @Override
                    public void bootstrap(String member, String newAddress) {
                        throw new AssertionError("never");
                    }
                });
        model.load();
        assertThat(model.nameProperty().get()).isEqualTo("lab");
        assertThat(model.problem()).isEqualTo(ja.format("cluster.join.checkFailed", "not authorized"));
    }
}
