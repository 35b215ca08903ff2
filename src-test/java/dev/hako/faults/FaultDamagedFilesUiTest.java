package dev.hako.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hako.remote.ClientIdentities;
import dev.hako.remote.FileFinding;
import dev.hako.remote.RemotesFile;
import dev.hako.testbed.Daemon;
import dev.hako.ui.UiDriver;
import dev.hako.ui.common.DamagedFilesNotice;
import dev.hako.ui.common.FxDialogService;
import dev.hako.ui.common.I18n;
import dev.hako.ui.common.UiSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scenario 5 in the window: Hako's files are damaged the way the unit tests damage them
 * (remotes.yml a directory, client.key readable by all, ui.properties binary), read as at start,
 * and the notice the application shows after its window opens says what was found, in the
 * user's language, naming each kept copy; the window goes on working after OK.
 */
class FaultDamagedFilesUiTest {

    @ParameterizedTest
    @CsvSource({"1,LXD,true,en", "2,INCUS,false,ja"})
    void theWindowSaysWhichFilesWereDamagedAndWhereTheyWereKept(int run, Daemon daemon, boolean dark, String language)
            throws Exception {
        Path config = FaultReport.workDirectory("damaged-ui-" + language);
        new ClientIdentities(config).own();
        Files.setPosixFilePermissions(config.resolve(ClientIdentities.KEY_FILE),
                PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(config.resolve(RemotesFile.FILE_NAME));
        Files.write(config.resolve("ui.properties"), new byte[] {0, 1, 2, 't', 'h', 'e', 'm', 'e', 0x1b});

        long start = System.nanoTime();
        List<FileFinding> findings = new ArrayList<>();
        new UiSettings(config).finding().ifPresent(findings::add);
        findings.addAll(RemotesFile.load(config).findings());
        findings.addAll(new ClientIdentities(config).checkOwn());
        long recovered = FaultReport.millisSince(start);
        assertThat(findings).extracting(FileFinding::kind).containsExactly(FileFinding.Kind.SETTINGS_DAMAGED,
                FileFinding.Kind.REMOTES_UNREADABLE, FileFinding.Kind.CLIENT_KEY_PERMISSIONS);

        Locale locale = Locale.forLanguageTag(language);
        try (UiDriver ui = new UiDriver(daemon).open(dark, locale)) {
            FxDialogService dialogs = new FxDialogService(() -> ui.window().scene().getWindow(), new I18n(locale));
            Platform.runLater(() -> DamagedFilesNotice.show(dialogs, findings, List.of()));
            ui.waitUntil(10, () -> ui.defaultButton() != null);
            ui.settle();
            String shown = UiDriver.onFx(() -> {
                DialogPane pane = (DialogPane) ui.defaultButton().getScene().getRoot();
                return pane.getHeaderText() + "\n" + pane.getContentText();
            });
            I18n i18n = new I18n(locale);
            assertThat(shown).contains(i18n.get("startup.damaged.header"))
                    .contains(findings.get(0).keptAs().toString(), findings.get(1).keptAs().toString(),
                            config.resolve(ClientIdentities.KEY_FILE).toString());
            ui.screenshotDialog("faults-damaged-files-" + (dark ? "dark-" : "light-") + language);
            ui.ok();
            ui.waitUntil(5, () -> ui.defaultButton() == null);
        }
        FaultReport.record(5, getClass(), "theWindowSaysWhichFilesWereDamagedAndWhereTheyWereKept." + run,
                recovered,
                "3 damaged files read as at start; notice in " + language + " (" + daemon + ", "
                + (dark ? "dark" : "light") + ") names each file and kept copy; "
                + "window answers after OK");
    }
}
