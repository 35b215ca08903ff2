package dev.hako.ui.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.lxd.LxdException;
import dev.hako.lxd.Transfer;
import dev.hako.ui.common.CurrentThreadTaskExecutor;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.ScriptedDialogService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One transfer: bytes of the total, the server's turn after an upload, Cancel, the outcome, a language switch. */
class TransferViewModelTest {

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final ScriptedDialogService dialogs = new ScriptedDialogService(i18n);
    private final Supplier<String> title = () -> i18n.format("images.import.progress", "v.tar.gz", "local");
    private final Supplier<String> failed = () -> i18n.format("images.import.failed", "v.tar.gz", "local");
    private final List<String> seen = new ArrayList<>();

    private TransferViewModel model(long total, boolean upload) {
        return new TransferViewModel(new CurrentThreadTaskExecutor(), dialogs, title, failed, total, upload);
    }

    @Test
    void bytesAreShownOfTheTotalUntilTheServerWorksOnTheUpload() {
        TransferViewModel model = model(4L << 20, true);
        assertThat(model.progressProperty().get()).isZero();
        model.start(transfer -> {
            transfer.count(1 << 20);
            seen.add(model.bytesProperty().get() + " @ " + model.progressProperty().get());
            transfer.count(3 << 20);
            seen.add(model.bytesProperty().get());
            return "fp";
        }, seen::add);
        assertThat(seen).containsExactly("1.0 MiB of 4.0 MiB @ 0.25",
                i18n.format("images.transfer.serverWorking", "4.0 MiB"), "fp");
        assertThat(model.finishedProperty().get()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void anUnknownTotalShowsBytesAloneAndAnIndeterminateBar() {
        TransferViewModel model = model(0, false);
        assertThat(model.progressProperty().get()).isEqualTo(TransferViewModel.INDETERMINATE);
        model.start(transfer -> {
            transfer.count(2048);
            seen.add(model.bytesProperty().get());
            return null;
        }, done -> { });
        assertThat(seen).containsExactly("2.0 KiB");
    }

    @Test
    void cancelStopsTheStreamAndEndsQuietly() {
        TransferViewModel model = model(100, false);
        model.start(transfer -> {
            transfer.count(10);
            model.cancel();
            seen.add(model.bytesProperty().get() + " " + model.cancellingProperty().get() + " "
                    + transfer.isCancelled());
            throw new Transfer.CancelledException();
        }, done -> seen.add("success"));
        assertThat(seen).containsExactly(i18n.get("images.transfer.cancelling") + " true true");
        assertThat(model.finishedProperty().get()).isTrue();
        assertThat(dialogs.shown()).isEmpty();
    }

    @Test
    void aFailureIsShownUnderItsOwnHeadline() {
        LxdException refused = new LxdException("POST failed", 400, "Image with same fingerprint already exists");
        TransferViewModel model = model(100, true);
        model.start(transfer -> {
            throw refused;
        }, done -> seen.add("success"));
        assertThat(seen).isEmpty();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.header()).isEqualTo("Could not import v.tar.gz into local");
            assertThat(shown.failure()).isSameAs(refused);
        });
    }

    @Test
    void aLanguageSwitchRelabelsTitleAndBytesAndKeepsTheCount() {
        TransferViewModel model = model(4L << 20, false);
        model.start(transfer -> {
            transfer.count(1 << 20);
            i18n.setLocale(Locale.JAPANESE);
            model.relabel();
            seen.add(model.titleProperty().get());
            seen.add(model.bytesProperty().get());
            return null;
        }, done -> { });
        assertThat(seen).containsExactly(i18n.format("images.import.progress", "v.tar.gz", "local"),
                i18n.format("images.transfer.bytesOf", "1.0 MiB", "4.0 MiB"));
        assertThat(seen.get(0)).isNotEqualTo(new I18n(Locale.ENGLISH).format("images.import.progress", "v.tar.gz",
                "local"));
    }
}
